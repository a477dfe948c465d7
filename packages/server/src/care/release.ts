import { sql } from 'kysely';
import { formatDate, homeCareRelease, kindLabel, vnDate, TEST_TYPE_LABELS, type TestType } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { visibleCaseOr404 } from '../cases/service.js';
import { casesRepo } from '../cases/repository.js';
import type { CaseDetailRow } from '../cases/model.js';
import { resolveRule } from '../rules/resolve.js';
import { assertHomeCare } from './checkins.js';
import type { ConfirmationDto, ReleaseInput } from './model.js';

async function careTeamOf(db: DbOrTrx, caseId: number) {
  const team = await db.selectFrom('care_team_cases').innerJoin('care_teams', 'care_teams.id', 'care_team_cases.team_id')
    .leftJoin('users', 'users.id', 'care_teams.leader_user_id').leftJoin('people', 'people.id', 'care_teams.leader_person_id')
    .select(['care_teams.name', 'users.full_name as leader_user', 'people.full_name as leader_person']).where('care_team_cases.case_id', '=', caseId).executeTakeFirst();
  return team ? { name: team.name, leader: team.leader_user ?? team.leader_person ?? null } : null;
}

async function confirmationOf(db: DbOrTrx, c: CaseDetailRow, daysSincePositive: number): Promise<ConfirmationDto> {
  // The commune issues the paper: the managing unit itself, or the commune above its village.
  const unit = await db.selectFrom('units').select(['name', 'kind', 'tier', 'parent_code']).where('code', '=', c.unit_code).executeTakeFirstOrThrow();
  const issuing = unit.tier === 'village' && unit.parent_code
    ? (await db.selectFrom('units').select(['name', 'kind']).where('code', '=', unit.parent_code).executeTakeFirst()) ?? unit : unit;
  const commune = `${kindLabel(issuing.kind)} ${issuing.name}`.trim();
  // Who recorded the release and which team cared for the case, from its audit entry: the one place that keeps them
  // once the case has left the team.
  const issuer = await db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.user_id').select(['users.full_name', 'audit_log.changes'])
    .where('audit_log.entity', '=', 'case').where('audit_log.entity_id', '=', String(c.id)).where('audit_log.action', '=', 'home_care_release')
    .orderBy('audit_log.id', 'desc').executeTakeFirst();
  const recorded = issuer?.changes ? (JSON.parse(issuer.changes) as { careTeam?: [string, null]; teamLeader?: [string | null, null] }) : {};
  const team = (await careTeamOf(db, c.id)) ?? (recorded.careTeam ? { name: recorded.careTeam[0], leader: recorded.teamLeader?.[0] ?? null } : null);
  return {
    caseId: c.id, fullName: c.p_full_name, birth: c.p_date_of_birth ? formatDate(c.p_date_of_birth) : c.p_birth_year ? String(c.p_birth_year) : null,
    idNumber: c.p_id_number, address: c.p_address, unitName: c.unit_name, communeName: commune, testType: c.test_type as TestType, testDate: c.test_date,
    releaseDate: c.discharge_date!, daysSincePositive, negativeTestType: c.discharge_test_type as TestType | null, negativeTestDate: c.discharge_test_date,
    careTeam: team?.name ?? null, teamLeader: team?.leader ?? null, issuedBy: issuer?.full_name ?? null, caseVersion: c.version,
  };
}

/** Ends home care by the rule set: the case is recovered, its home period closed, and the confirmation returned. */
export async function releaseFromHomeCare(db: Db, auth: AuthContext, actor: Actor, caseId: number, input: ReleaseInput) {
  requirePersonal(auth, true);
  const today = vnDate();
  return db.transaction().execute(async (trx) => {
    const c = await visibleCaseOr404(trx, auth, caseId);
    if (c.version !== input.version) throw errors.staleVersion();
    assertHomeCare(c);
    const releaseDate = input.date ?? today;
    const open = await trx.selectFrom('care_alerts').select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', caseId).where('closed_at', 'is', null).executeTakeFirstOrThrow();
    const decision = homeCareRelease({ testDate: c.test_date, releaseDate, negativeTestDate: input.negativeTestDate, openAlerts: Number(open.n) }, today, (await resolveRule(trx, c.unit_path, 'home_care')).rule);
    if (!decision.releasable) {
      const p = decision.problems;
      if (p[0].field === 'alerts') throw new AppError(409, 'OPEN_ALERTS', p[0].message, p[0].messageEn, 'alerts');
      throw errors.problems(p);
    }
    const now = nowIso();
    const r = await trx.updateTable('cases').set({
      status: 'recovered', discharge_date: releaseDate, discharge_test_type: input.negativeTestType, discharge_test_date: input.negativeTestDate,
      discharge_test_result: 'negative', version: sql`version + 1`, updated_at: now,
    }).where('id', '=', caseId).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const period = await casesRepo.openCarePeriod(trx, caseId);
    if (period) await trx.updateTable('case_care_places').set({ to_date: releaseDate }).where('id', '=', period.id).execute();
    const team = await careTeamOf(trx, caseId);
    await trx.deleteFrom('care_team_cases').where('case_id', '=', caseId).execute();
    await recordAudit(trx, actor, {
      action: 'home_care_release', entity: 'case', entityId: caseId, unitCode: c.unit_code, unitPath: c.unit_path,
      changes: {
        status: [c.status, 'recovered'], dischargeDate: [null, releaseDate], dischargeTestType: [null, input.negativeTestType],
        dischargeTestDate: [null, input.negativeTestDate], dischargeTestResult: [null, 'negative'], ...(input.note ? { note: [null, input.note] } : {}),
        ...(team ? { careTeam: [team.name, null], teamLeader: [team.leader, null] } : {}),
      },
    });
    const after = await visibleCaseOr404(trx, auth, caseId);
    return confirmationOf(trx, after, decision.daysSincePositive);
  });
}

/** The confirmation of a release already recorded; reading it is audited like any health record. */
export async function releaseConfirmation(db: Db, auth: AuthContext, actor: Actor, caseId: number): Promise<ConfirmationDto> {
  requirePersonal(auth, false);
  const c = await visibleCaseOr404(db, auth, caseId);
  if (c.status !== 'recovered' || !c.discharge_date) {
    throw new AppError(409, 'NOT_RELEASED', 'Ca bệnh này chưa kết thúc điều trị tại nhà.', 'This case has not been released from home care.', 'caseId');
  }
  await recordAudit(db, actor, { action: 'read', entity: 'case', entityId: caseId, unitCode: c.unit_code, unitPath: c.unit_path, changes: { document: 'release_confirmation' } });
  const days = Math.round((Date.parse(c.discharge_date) - Date.parse(c.test_date)) / 86_400_000);
  return confirmationOf(db, c, days);
}

const esc = (s: string | null | undefined) => (s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A one-page paper in the usual administrative layout, printed from the browser. */
export function confirmationHtml(d: ConfirmationDto): string {
  const [y, m, day] = d.releaseDate.split('-');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Giấy xác nhận hoàn thành điều trị tại nhà — ${esc(d.fullName)}</title>
<style>body{font-family:"Times New Roman",serif;font-size:14pt;max-width:18cm;margin:1.5cm auto;line-height:1.5}
.head{display:flex;justify-content:space-between;text-align:center}.head div{width:48%}h1{text-align:center;font-size:15pt;margin-top:1.2cm}
.sign{margin-left:55%;text-align:center;margin-top:1cm}@media print{button{display:none}}</style></head><body>
<div class="head"><div><b>${esc(d.communeName.toUpperCase())}</b><br>Tổ chăm sóc người nhiễm COVID-19</div>
<div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><u>Độc lập - Tự do - Hạnh phúc</u></div></div>
<h1>GIẤY XÁC NHẬN<br>HOÀN THÀNH CÁCH LY, ĐIỀU TRỊ COVID-19 TẠI NHÀ</h1>
<p>Xác nhận Ông/Bà: <b>${esc(d.fullName)}</b>${d.birth ? `, sinh ngày/năm: ${esc(d.birth)}` : ''}</p>
${d.idNumber ? `<p>Số CCCD/CMND: ${esc(d.idNumber)}</p>` : ''}
<p>Địa chỉ: ${esc(d.address ?? d.unitName)}${d.address ? `, ${esc(d.unitName)}` : ''}</p>
<p>Được xác định nhiễm COVID-19 bằng ${esc(TEST_TYPE_LABELS[d.testType])} ngày ${formatDate(d.testDate)}, đã được cách ly, điều trị tại nhà
từ ngày ${formatDate(d.testDate)} đến ngày ${formatDate(d.releaseDate)} (${d.daysSincePositive} ngày)${d.negativeTestDate && d.negativeTestType
    ? `, có kết quả xét nghiệm ${esc(TEST_TYPE_LABELS[d.negativeTestType])} âm tính ngày ${formatDate(d.negativeTestDate)}` : ''}.</p>
${d.careTeam ? `<p>Đơn vị theo dõi: ${esc(d.careTeam)}${d.teamLeader ? ` (Tổ trưởng: ${esc(d.teamLeader)})` : ''}.</p>` : ''}
<p>Mã hồ sơ ca bệnh: F0-${d.caseId}.</p>
<div class="sign"><i>${esc(d.communeName)}, ngày ${day} tháng ${m} năm ${y}</i><br><b>TRẠM Y TẾ / TỔ TRƯỞNG</b><br>(Ký, ghi rõ họ tên)<br><br><br><br>${esc(d.teamLeader)}</div>
<button onclick="window.print()">In giấy xác nhận</button></body></html>`;
}
