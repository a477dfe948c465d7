import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@pcd/core';
import { startTestApp, type Client, type TestApp } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { readTable } from '../lib/spreadsheet.js';
import { MUONG_NHA_VILLAGE, NA_TONG_VILLAGE, daysAgo, registerCase, resident, today } from '../test/cases.js';

interface Contact {
  id: number; level: string; access: string; version: number; status: string; handedOver: boolean;
  person: { id: number; fullName: string } | null; entered: { fullName: string } | null;
  source: { kind: string; id: number | null; unitName: string }; obligation: { id: number; kind: string; endDate: string; status: string } | null;
}

for (const engine of await testEngines()) {
  describe(`contacts, hand-over and promotion [${engine}]`, () => {
    let t: TestApp;
    let natong: Client;
    let muongnha: Client;
    let f0: { id: number };
    let f0Person: { id: number };
    let household: Contact;
    let typedIn: Contact;
    let handedOver: Contact;
    let f2: Contact;

    beforeAll(async () => {
      t = await startTestApp(engine);
      natong = await t.login('xa.natong');
      muongnha = await t.login('xa.muongnha');
      f0Person = await resident(natong, 'Lò Văn Piềng', { birthYear: 1985 });
      f0 = await registerCase(natong, f0Person.id);
    });
    afterAll(async () => { await t?.close(); });

    it('adds three F1 — one living in another commune is handed over there — each under the F1 quarantine rule', async () => {
      const wife = await resident(natong, 'Cà Thị Ún', { birthYear: 1987, sex: 'female' });
      const a = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: wife.id, relation: 'household', lastExposure: daysAgo(2), vaccinationDoses: 2 });
      expect(a.statusCode, a.body).toBe(201);
      household = a.json();
      expect(household).toMatchObject({ level: 'F1', access: 'full', handedOver: false, status: 'monitoring', source: { kind: 'case', id: f0.id }, person: { id: wife.id } });
      // Fully vaccinated: 7 days from the last exposure (day 1), tests on day 1 and day 7.
      expect(household.obligation).toMatchObject({ kind: 'contact_f1', endDate: addDays(daysAgo(2), 6), status: 'open' });

      const b = await natong.post(`/api/v1/cases/${f0.id}/contacts`, {
        person: { fullName: 'Lường Văn Minh', birthYear: 1990, phone: '0987000111', unitCode: NA_TONG_VILLAGE }, relation: 'workplace', lastExposure: daysAgo(3), setting: 'Xưởng gỗ bản Hát Tao',
      });
      expect(b.statusCode, b.body).toBe(201);
      typedIn = b.json();
      // Not known to be vaccinated: the 14-day quarantine.
      expect(typedIn.obligation).toMatchObject({ kind: 'contact_f1', endDate: addDays(daysAgo(3), 13) });
      expect((await natong.get('/api/v1/people?q=luong%20van%20minh')).json().total).toBe(1);

      const c = await natong.post(`/api/v1/cases/${f0.id}/contacts`, {
        person: { fullName: 'Quàng Thị Ban', birthYear: 1992, phone: '0987000222', unitCode: MUONG_NHA_VILLAGE, address: 'Nhà chị gái, bản Pu Lau' },
        relation: 'travel', lastExposure: daysAgo(1), setting: 'Cùng xe khách về từ Bình Dương', vaccinationDoses: 1,
      });
      expect(c.statusCode, c.body).toBe(201);
      handedOver = c.json();
      expect(handedOver).toMatchObject({
        level: 'F1', access: 'recorded', handedOver: true, person: null, obligation: null, unitCode: MUONG_NHA_VILLAGE,
        entered: { fullName: 'Quàng Thị Ban', phone: '0987000222' }, source: { id: f0.id },
      });

      const again = await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: wife.id, relation: 'household', lastExposure: daysAgo(1) });
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'DUPLICATE_CONTACT', field: 'personId', existingId: household.id });
      expect((await natong.post(`/api/v1/cases/${f0.id}/contacts`, { personId: wife.id, relation: 'household', lastExposure: addDays(today, 1) })).json().error.field).toBe('lastExposure');
      const list = (await natong.get(`/api/v1/contacts?sourceCaseId=${f0.id}`)).json();
      expect(list.total).toBe(3);
      expect((await natong.get(`/api/v1/cases/${f0.id}`)).json().contacts.map((x: Contact) => x.access)).toEqual(['full', 'full', 'recorded']);
    });

    it('shows the receiving commune the person and the follow-up, but not the source case', async () => {
      const seen = await muongnha.get(`/api/v1/contacts/${handedOver.id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      const mine = seen.json() as Contact;
      expect(mine).toMatchObject({ access: 'full', handedOver: true, person: { fullName: 'Quàng Thị Ban' }, source: { kind: 'case', id: null, unitName: 'Na Tông' }, recordedUnitName: 'Na Tông' });
      expect(mine.obligation).toMatchObject({ kind: 'contact_f1', endDate: addDays(daysAgo(1), 13) });
      expect((await muongnha.get(`/api/v1/cases/${f0.id}`)).statusCode).toBe(404);
      expect((await muongnha.get('/api/v1/cases')).json().total).toBe(0);
      expect((await muongnha.get(`/api/v1/people/${mine.person!.id}`)).statusCode).toBe(200);
      const work = (await muongnha.get('/api/v1/obligations?status=open')).json();
      expect(work.items.map((o: { id: number }) => o.id)).toContain(mine.obligation!.id);
      const received = (await muongnha.get('/api/v1/contacts?handover=received')).json();
      expect(received.items.map((x: Contact) => x.id)).toEqual([handedOver.id]);
      expect(JSON.stringify(received)).not.toContain('Lò Văn Piềng');

      // The recording commune keeps its record, not the other commune's registry data or follow-up.
      expect((await natong.get(`/api/v1/people/${mine.person!.id}`)).statusCode).toBe(404);
      expect((await natong.get(`/api/v1/obligations/${mine.obligation!.id}`)).statusCode).toBe(404);
      expect((await natong.get('/api/v1/contacts?handover=sent')).json().items.map((x: Contact) => x.id)).toEqual([handedOver.id]);
      expect((await natong.patch(`/api/v1/contacts/${handedOver.id}`, { version: 1, relation: 'other' })).statusCode).toBe(404);
      expect((await natong.post(`/api/v1/contacts/${handedOver.id}/promote`, { version: 1, testType: 'rt_pcr', testDate: today, severity: 'mild' })).statusCode).toBe(404);
      const xlsx = await natong.get('/api/v1/contacts/export.xlsx');
      expect(xlsx.statusCode).toBe(200);
      const sheet = await readTable(xlsx.rawPayload, 'f.xlsx');
      const row = sheet.rows.find((r) => r.cells[0] === String(handedOver.id))!.cells;
      // The recording commune's export holds what it typed and where the contact went, nothing from the registry there.
      expect(row).toEqual(expect.arrayContaining(['Quàng Thị Ban', '0987000222', 'Nhà chị gái, bản Pu Lau', 'đã giao cho Pu Lau']));
    });

    it('re-plans the follow-up when the exposure date is corrected, and asks why a contact is cancelled', async () => {
      const fixed = await natong.patch(`/api/v1/contacts/${typedIn.id}`, { version: typedIn.version, lastExposure: daysAgo(5), vaccinationDoses: 2 });
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json().obligation).toMatchObject({ kind: 'contact_f1', endDate: addDays(daysAgo(5), 6), status: 'open' });
      const why = await natong.patch(`/api/v1/contacts/${typedIn.id}`, { version: fixed.json().version, status: 'cancelled' });
      expect(why.statusCode).toBe(400);
      expect(why.json().error.field).toBe('note');
      expect((await natong.patch(`/api/v1/contacts/${typedIn.id}`, { version: typedIn.version, relation: 'other' })).statusCode).toBe(409);
      typedIn = fixed.json();
    });

    it('records an F2 of an F1 and refuses contacts of an F2', async () => {
      const res = await natong.post(`/api/v1/contacts/${household.id}/contacts`, {
        person: { fullName: 'Lò Thị Xuân', birthYear: 2012, unitCode: NA_TONG_VILLAGE }, relation: 'household', lastExposure: daysAgo(1),
      });
      expect(res.statusCode, res.body).toBe(201);
      f2 = res.json();
      expect(f2).toMatchObject({ level: 'F2', source: { kind: 'contact', id: household.id, level: 'F1' }, obligation: { kind: 'contact_f2', endDate: addDays(daysAgo(1), 6) } });
      const f3 = await natong.post(`/api/v1/contacts/${f2.id}/contacts`, { person: { fullName: 'Người F3', birthYear: 2000, unitCode: NA_TONG_VILLAGE }, relation: 'other', lastExposure: today });
      expect(f3.statusCode).toBe(400);
      expect(f3.json().error.field).toBe('level');
    });

    it('promotes an F1 to F0 in one step: its F2 become F1 of the new case and follow-ups are re-planned', async () => {
      const stale = await natong.post(`/api/v1/contacts/${household.id}/promote`, { version: 9, testType: 'rapid_antigen', testDate: today, severity: 'asymptomatic' });
      expect(stale.statusCode).toBe(409);
      const res = await natong.post(`/api/v1/contacts/${household.id}/promote`, { version: household.version, testType: 'rapid_antigen', testDate: today, severity: 'asymptomatic', spo2: 98 });
      expect(res.statusCode, res.body).toBe(201);
      const { case: c, contact, upgraded } = res.json();
      expect(c).toMatchObject({ person: { fullName: 'Cà Thị Ún' }, detectedIn: 'quarantine', sourceCaseId: f0.id, fromContactId: household.id, status: 'active', unitCode: NA_TONG_VILLAGE });
      expect(contact).toMatchObject({ status: 'promoted', promotedCaseId: c.id });
      expect(upgraded).toHaveLength(1);
      expect(upgraded[0]).toMatchObject({ id: f2.id, level: 'F1', source: { kind: 'case', id: c.id } });
      // The F2 follow-up becomes the F1 one for a child of unknown vaccination: 14 days from the same exposure.
      expect(upgraded[0].obligation).toMatchObject({ id: f2.obligation!.id, kind: 'contact_f1', endDate: addDays(daysAgo(1), 13), status: 'open' });
      const ended = (await natong.get(`/api/v1/obligations/${household.obligation!.id}`)).json();
      expect(ended).toMatchObject({ status: 'cancelled' });
      expect(ended.note).toContain(`${c.id}`);

      const twice = await natong.post(`/api/v1/contacts/${household.id}/promote`, { version: household.version + 1, testType: 'rt_pcr', testDate: today, severity: 'mild' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.field).toBe('status');
      const f0AsContact = await natong.post(`/api/v1/cases/${c.id}/contacts`, { personId: f0Person.id, relation: 'household', lastExposure: today });
      expect(f0AsContact.statusCode).toBe(409);
      expect(f0AsContact.json().error).toMatchObject({ code: 'ALREADY_F0', field: 'personId' });
    });

    it('lets the receiving commune promote its handed-over F1; the recording commune sees only that it happened', async () => {
      const mine = (await muongnha.get(`/api/v1/contacts/${handedOver.id}`)).json();
      const res = await muongnha.post(`/api/v1/contacts/${handedOver.id}/promote`, { version: mine.version, testType: 'rt_pcr', testDate: today, severity: 'mild', detectedIn: 'community' });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json().case;
      expect(c).toMatchObject({ unitCode: MUONG_NHA_VILLAGE, sourceCaseId: null, detectedIn: 'community' });
      const recorded = (await natong.get(`/api/v1/contacts/${handedOver.id}`)).json();
      expect(recorded).toMatchObject({ status: 'promoted', promotedCaseId: null, person: null });
      expect((await natong.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    });

    it('draws the chain of a case and of its cluster, anonymising what lies outside the commune', async () => {
      const cluster = await natong.post('/api/v1/clusters', { name: 'Xưởng gỗ bản Hát Tao', setting: 'workplace', firstDate: daysAgo(3) });
      expect(cluster.statusCode, cluster.body).toBe(201);
      const f0Now = (await natong.get(`/api/v1/cases/${f0.id}`)).json();
      expect((await natong.patch(`/api/v1/cases/${f0.id}`, { version: f0Now.version, clusterId: cluster.json().id })).statusCode).toBe(200);

      const g = (await natong.get(`/api/v1/chains/case-${f0.id}`)).json();
      // F0 → (Cà Thị Ún, now F0 → Lò Thị Xuân F1) + Lường Văn Minh F1 + Quàng Thị Ban (F0 in Mường Nhà).
      expect(g.counts).toMatchObject({ cases: 3, f1: 2, f2: 0, total: 5 });
      const byLabel = Object.fromEntries(g.nodes.filter((n: { label: string | null }) => n.label).map((n: { label: string; id: string }) => [n.label, n.id]));
      expect(Object.keys(byLabel).sort()).toEqual(['Cà Thị Ún', 'Lò Văn Piềng', 'Lường Văn Minh', 'Lò Thị Xuân'].sort());
      const hidden = g.nodes.filter((n: { anonymous: boolean }) => n.anonymous);
      expect(hidden).toHaveLength(1);
      expect(hidden[0]).toMatchObject({ kind: 'case', level: 'F0', label: null, status: null, date: null, unitCode: null });
      expect(g.edges).toEqual(expect.arrayContaining([
        { from: `case-${f0.id}`, to: byLabel['Cà Thị Ún'], kind: 'infection' },
        { from: byLabel['Cà Thị Ún'], to: byLabel['Lò Thị Xuân'], kind: 'contact' },
        { from: `case-${f0.id}`, to: hidden[0].id, kind: 'infection' },
      ]));

      const page1 = (await natong.get(`/api/v1/chains/case-${f0.id}?limit=2`)).json();
      expect(page1).toMatchObject({ truncated: true, nextOffset: 2 });
      const page3 = (await natong.get(`/api/v1/chains/case-${f0.id}?limit=2&offset=4`)).json();
      expect(page3).toMatchObject({ truncated: false, nextOffset: null });
      expect([...page1.nodes, ...(await natong.get(`/api/v1/chains/case-${f0.id}?limit=2&offset=2`)).json().nodes, ...page3.nodes].map((n: { id: string }) => n.id).sort())
        .toEqual(g.nodes.map((n: { id: string }) => n.id).sort());
      expect((await natong.get(`/api/v1/chains/case-${f0.id}?depth=0&contacts=none`)).json().counts).toMatchObject({ cases: 1, total: 1 });

      // The cluster was set after the promotions: it holds the F0 and the contact still followed under it.
      const cg = (await natong.get(`/api/v1/chains/${cluster.json().id}`)).json();
      expect(cg.root).toMatchObject({ kind: 'cluster', name: 'Xưởng gỗ bản Hát Tao' });
      expect((await natong.get(`/api/v1/clusters/${cluster.json().id}`)).json().counts).toMatchObject({ cases: 1, f1: 1 });

      expect((await muongnha.get(`/api/v1/chains/case-${f0.id}`)).statusCode).toBe(404);
      expect((await muongnha.get(`/api/v1/chains/${cluster.json().id}`)).statusCode).toBe(404);
      const observer = await t.login('theodoi.dienbien');
      const seen = (await observer.get(`/api/v1/chains/case-${f0.id}`)).json();
      expect(seen.counts.total).toBe(5);
      expect(seen.nodes.every((n: { anonymous: boolean; label: string | null }) => n.anonymous && n.label === null)).toBe(true);
    });
  });
}
