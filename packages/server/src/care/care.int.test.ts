import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { daysAgo, registerCase, resident, today } from '../test/cases.js';
import { readTable } from '../lib/spreadsheet.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

for (const engine of await testEngines()) {
  describe(`F0 home care [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let admin: Client;
    let healthUserId: number;
    let commandUserId: number;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      admin = await t.login('admin');
      const users = await t.testDb.handle.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['yte.natong', 'xa.natong']).execute();
      healthUserId = users.find((u) => u.username === 'yte.natong')!.id;
      commandUserId = users.find((u) => u.username === 'xa.natong')!.id;
    });
    afterAll(async () => { await t?.close(); });

    it('an SpO2 94 check-in opens an alert that stays open until acknowledged', async () => {
      const c = await registerCase(natong, (await resident(natong, 'Lò Văn Hặc')).id);
      expect(c.carePlace).toBe('home');
      const fine = await natong.post(`/api/v1/care/${c.id}/checkins`, { temperature: 37.2, spo2: 97, pulse: 82, respiratoryRate: 18, symptoms: ['cough'] });
      expect(fine.statusCode, fine.body).toBe(201);
      expect(fine.json().alerts).toEqual([]);

      const bad = await natong.post(`/api/v1/care/${c.id}/checkins`, { temperature: 38.4, spo2: 94, pulse: 96, respiratoryRate: 22, symptoms: ['chest_pain', 'fever'], medicines: 'Paracetamol 500 mg' });
      expect(bad.statusCode, bad.body).toBe(201);
      const [alert] = bad.json().alerts;
      expect(alert).toMatchObject({ caseId: c.id, signs: ['low_spo2', 'fast_breathing', 'chest_pain'], spo2: 94, closedAt: null, version: 1, fullName: 'Lò Văn Hặc' });
      expect(bad.json().checkin).toMatchObject({ spo2: 94, temperature: 38.4, warningSigns: ['low_spo2', 'fast_breathing', 'chest_pain'] });

      const board = (await natong.get('/api/v1/alerts?unit=03365&open=true')).json();
      expect(board.items.map((a: { id: number }) => a.id)).toContain(alert.id);
      // A later good reading does not clear it: only a person acting does.
      await natong.post(`/api/v1/care/${c.id}/checkins`, { spo2: 98, respiratoryRate: 16, symptoms: [] });
      expect((await natong.get('/api/v1/alerts?open=true')).json().items.map((a: { id: number }) => a.id)).toContain(alert.id);
      expect((await natong.get(`/api/v1/care/${c.id}/checkins`)).json().total).toBe(3);

      const bogus = await natong.post(`/api/v1/alerts/${alert.id}/acknowledge`, { action: 'ignore', version: 1 });
      expect(bogus.statusCode).toBe(400);
      expect(bogus.json().error.field).toBe('action');
      const ack = await natong.post(`/api/v1/alerts/${alert.id}/acknowledge`, { action: 'visit', note: 'Trạm y tế đến khám, cho thở oxy', version: 1 });
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.json()).toMatchObject({ action: 'visit', acknowledgedBy: 'Lò Thị Hoa', version: 2 });
      expect(ack.json().closedAt).toBeTruthy();
      const stale = await natong.post(`/api/v1/alerts/${alert.id}/acknowledge`, { action: 'visit', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.field).toBe('version');
      expect((await natong.get('/api/v1/alerts?open=true')).json().items.map((a: { id: number }) => a.id)).not.toContain(alert.id);
      expect((await natong.get('/api/v1/alerts?open=false')).json().items.map((a: { id: number }) => a.id)).toContain(alert.id);

      const xlsx = await natong.get('/api/v1/alerts/export.xlsx?unit=03365');
      expect(xlsx.statusCode).toBe(200);
      expect(JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'))).toContain('Lò Văn Hặc');
      const audit = (await admin.get(`/api/v1/audit?entity=care_alert&entityId=${alert.id}`)).json();
      expect(audit.items.map((e: { action: string }) => e.action)).toContain('acknowledge');
    });

    it('child thresholds follow the age: 35/min is fine at 3 years, 30/min alerts at 7', async () => {
      const small = await registerCase(natong, (await resident(natong, 'Lò Thị Bé', { birthYear: Number(today.slice(0, 4)) - 3 })).id);
      expect((await natong.post(`/api/v1/care/${small.id}/checkins`, { spo2: 98, respiratoryRate: 35, symptoms: [] })).json().alerts).toEqual([]);
      const older = await registerCase(natong, (await resident(natong, 'Lò Văn Nhỏ', { birthYear: Number(today.slice(0, 4)) - 8 })).id);
      expect((await natong.post(`/api/v1/care/${older.id}/checkins`, { spo2: 98, respiratoryRate: 32, symptoms: [] })).json().alerts[0].signs).toEqual(['fast_breathing']);
    });

    it('refuses bad check-ins with the field at fault', async () => {
      const c = await registerCase(natong, (await resident(natong, 'Quàng Văn Đo')).id);
      const bad: [Record<string, unknown>, string][] = [
        [{ spo2: 120 }, 'spo2'],
        [{ respiratoryRate: 'nhanh' }, 'respiratoryRate'],
        [{ symptoms: ['hiccups'] }, 'symptoms.0'],
        [{ at: new Date(Date.now() + 3_600_000).toISOString() }, 'at'],
        [{ at: `${addDays(daysAgo(2), -3)}T08:00:00+07:00` }, 'at'],
      ];
      for (const [body, field] of bad) {
        const res = await natong.post(`/api/v1/care/${c.id}/checkins`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.field).toBe(field);
        expect(res.json().error.messageEn).toBeTruthy();
      }
      // Someone in a facility is watched there, not through home check-ins.
      const inFacility = await registerCase(natong, (await resident(natong, 'Cà Văn Viện')).id, { severity: 'moderate' });
      const res = await natong.post(`/api/v1/care/${inFacility.id}/checkins`, { spo2: 97 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'NOT_IN_HOME_CARE', field: 'caseId' });
      expect((await natong.post('/api/v1/care/999999/checkins', { spo2: 97 })).statusCode).toBe(404);
    });

    it('missed check-ins show as overdue, per unit and in the export', async () => {
      const late = await registerCase(natong, (await resident(natong, 'Lường Văn Quên')).id);
      const onTime = await registerCase(natong, (await resident(natong, 'Lường Văn Nhớ')).id);
      // Both at home since yesterday.
      await t.testDb.handle.db.updateTable('case_care_places').set({ created_at: hoursAgo(30) }).where('case_id', 'in', [late.id, onTime.id]).execute();
      expect((await natong.post(`/api/v1/care/${late.id}/checkins`, { at: hoursAgo(20), spo2: 97 })).statusCode).toBe(201);
      expect((await natong.post(`/api/v1/care/${onTime.id}/checkins`, { at: hoursAgo(3), spo2: 97 })).statusCode).toBe(201);
      // A case at home since yesterday and never checked in.
      const never = await registerCase(natong, (await resident(natong, 'Lường Thị Vắng')).id);
      await t.testDb.handle.db.updateTable('case_care_places').set({ created_at: hoursAgo(30) }).where('case_id', '=', never.id).execute();

      const overdue = (await natong.get('/api/v1/care/overdue?unit=03365&pageSize=500')).json();
      const ids = overdue.items.map((o: { caseId: number }) => o.caseId);
      expect(ids).toEqual(expect.arrayContaining([late.id, never.id]));
      expect(ids).not.toContain(onTime.id);
      expect(overdue.items.find((o: { caseId: number }) => o.caseId === never.id)).toMatchObject({ lastCheckinAt: null, fullName: 'Lường Thị Vắng' });
      const xlsx = await natong.get('/api/v1/care/overdue/export.xlsx');
      expect(JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'))).toContain('Lường Văn Quên');

      // The observer sees the counts, not the names.
      const observer = await t.login('theodoi.dienbien');
      expect((await observer.get('/api/v1/care/overdue')).statusCode).toBe(403);
      expect((await observer.get('/api/v1/alerts')).statusCode).toBe(403);
      expect((await observer.get('/api/v1/care-teams')).statusCode).toBe(403);
      const summary = await observer.get('/api/v1/stats/home-care?unit=03365');
      expect(summary.statusCode, summary.body).toBe(200);
      expect(summary.json().overdue).toBeGreaterThanOrEqual(2);
      expect(summary.json().inHomeCare).toBeGreaterThanOrEqual(3);
      expect(summary.body).not.toContain('Lường');
    });

    it('care teams are led by a health worker, with members and assigned F0', async () => {
      const c = await registerCase(natong, (await resident(natong, 'Điêu Văn Chăm')).id);
      const base = { name: 'Tổ chăm sóc số 1 Bản Hát Tao', unitCode: '03365.01', phone: '0912111222' };
      const notHealth = await natong.post('/api/v1/care-teams', { ...base, leaderUserId: commandUserId });
      expect(notHealth.statusCode).toBe(400);
      expect(notHealth.json().error.field).toBe('leaderUserId');
      const nurse = await resident(natong, 'Cà Thị Y Tá');
      const undeclared = await natong.post('/api/v1/care-teams', { ...base, leaderPersonId: nurse.id });
      expect(undeclared.json().error.field).toBe('leaderHealthWorker');
      expect((await natong.post('/api/v1/care-teams', base)).json().error.field).toBe('leaderUserId');

      const created = await natong.post('/api/v1/care-teams', { ...base, leaderUserId: healthUserId, memberUserIds: [commandUserId], memberPersonIds: [nurse.id], caseIds: [c.id] });
      expect(created.statusCode, created.body).toBe(201);
      const team = created.json();
      expect(team).toMatchObject({ leaderName: 'Cà Thị Mai', leaderHealthWorker: true, caseIds: [c.id], version: 1 });
      expect(team.members.map((m: { fullName: string }) => m.fullName).sort()).toEqual(['Cà Thị Y Tá', 'Lò Thị Hoa']);
      expect(team.cases).toEqual([{ id: c.id, fullName: 'Điêu Văn Chăm' }]);

      const byPerson = await natong.patch(`/api/v1/care-teams/${team.id}`, { version: 1, leaderPersonId: nurse.id, leaderHealthWorker: true });
      expect(byPerson.statusCode, byPerson.body).toBe(200);
      expect(byPerson.json()).toMatchObject({ leaderName: 'Cà Thị Y Tá', leaderUserId: null, version: 2 });
      expect((await natong.patch(`/api/v1/care-teams/${team.id}`, { version: 1, name: 'Cũ' })).statusCode).toBe(409);
      // The membership screen sends whole lists: a member left out is removed, an F0 added is named.
      const other = await registerCase(natong, (await resident(natong, 'Lò Văn Giao')).id);
      const edited = await natong.patch(`/api/v1/care-teams/${team.id}`, { version: 2, memberUserIds: [commandUserId], memberPersonIds: [], caseIds: [c.id, other.id] });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().members.map((m: { fullName: string }) => m.fullName)).toEqual(['Lò Thị Hoa']);
      expect(edited.json().cases).toEqual([{ id: c.id, fullName: 'Điêu Văn Chăm' }, { id: other.id, fullName: 'Lò Văn Giao' }]);
      expect((await natong.get('/api/v1/care-teams?unit=03365')).json().items.map((x: { id: number }) => x.id)).toContain(team.id);
      const xlsx = await natong.get('/api/v1/care-teams/export.xlsx');
      expect(JSON.stringify(await readTable(xlsx.rawPayload, 'x.xlsx'))).toContain('Tổ chăm sóc số 1 Bản Hát Tao');
    });

    it('releases from home care by the rule set and prints the confirmation', async () => {
      const p = await resident(natong, 'Lò Thị Khỏi');
      const c = await registerCase(natong, p.id, { testDate: daysAgo(11), onsetDate: daysAgo(12) });
      const early = await registerCase(natong, (await resident(natong, 'Lò Thị Sớm')).id);
      const tooSoon = await natong.post(`/api/v1/care/${early.id}/release`, { version: early.version, negativeTestType: 'rapid_antigen', negativeTestDate: today });
      expect(tooSoon.statusCode).toBe(400);
      expect(tooSoon.json().error.field).toBe('date');

      const sick = await natong.post(`/api/v1/care/${c.id}/checkins`, { spo2: 95, symptoms: [] });
      const blocked = await natong.post(`/api/v1/care/${c.id}/release`, { version: c.version, negativeTestType: 'rapid_antigen', negativeTestDate: today });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.field).toBe('alerts');
      await natong.post(`/api/v1/alerts/${sick.json().alerts[0].id}/acknowledge`, { action: 'visit', version: 1 });

      expect((await natong.post(`/api/v1/care/${c.id}/release`, { version: c.version, negativeTestType: 'rapid_antigen', negativeTestDate: daysAgo(12) })).json().error.field).toBe('negativeTestDate');
      expect((await natong.post(`/api/v1/care/${c.id}/release`, { version: c.version + 5, negativeTestType: 'rapid_antigen', negativeTestDate: today })).statusCode).toBe(409);
      expect((await natong.get(`/api/v1/care/${c.id}/release-confirmation`)).statusCode).toBe(409);

      const team = await natong.post('/api/v1/care-teams', { name: 'Tổ chăm sóc số 3 Bản Hát Tao', unitCode: '03365.01', leaderUserId: healthUserId, caseIds: [c.id] });
      expect(team.statusCode, team.body).toBe(201);
      const done = await natong.post(`/api/v1/care/${c.id}/release`, { version: c.version, negativeTestType: 'rapid_antigen', negativeTestDate: today });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ caseId: c.id, fullName: 'Lò Thị Khỏi', daysSincePositive: 11, releaseDate: today, communeName: 'Xã Na Tông', issuedBy: 'Lò Thị Hoa' });
      // The case leaves its team on release; the paper still names the team that cared for it.
      expect(done.json()).toMatchObject({ careTeam: 'Tổ chăm sóc số 3 Bản Hát Tao', teamLeader: 'Cà Thị Mai' });
      expect((await natong.get(`/api/v1/care-teams/${team.json().id}`)).json().caseIds).toEqual([]);
      const kase = (await natong.get(`/api/v1/cases/${c.id}`)).json();
      expect(kase).toMatchObject({ status: 'recovered', dischargeDate: today, dischargeTestResult: 'negative' });
      expect(kase.carePlaces[0].toDate).toBe(today);
      const html = await natong.get(`/api/v1/care/${c.id}/release-confirmation.html`);
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toContain('HOÀN THÀNH CÁCH LY, ĐIỀU TRỊ COVID-19 TẠI NHÀ');
      expect(html.body).toContain('Lò Thị Khỏi');
      expect(html.body).toContain('Đơn vị theo dõi: Tổ chăm sóc số 3 Bản Hát Tao (Tổ trưởng: Cà Thị Mai)');
      // Released: no more home check-ins.
      expect((await natong.post(`/api/v1/care/${c.id}/checkins`, { spo2: 98 })).statusCode).toBe(409);
    });
  });
}
