import { sql } from 'kysely';
import { ageOnTest, vnDate, warningSigns, CASE_RULES, type CarePlace, type CareSymptom } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError, errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { requirePersonal } from '../people/service.js';
import { resolveWithin, visibleCaseOr404 } from '../cases/service.js';
import { resolveRule } from '../rules/resolve.js';
import type { CaseDetailRow } from '../cases/model.js';
import { toAlertDto, toCheckinDto, type AlertDetailRow, type AlertDto, type CheckinInput } from './model.js';

export const alertNotFound = () => errors.notFound('Cảnh báo', 'Alert');

/** An active case cared for at home or by a community care team: the only ones that check in. */
export function assertHomeCare(c: CaseDetailRow): void {
  if (c.status !== 'active' || !CASE_RULES.homePlaces.includes(c.care_place as CarePlace)) {
    throw new AppError(409, 'NOT_IN_HOME_CARE', 'Ca bệnh này không đang điều trị tại nhà.', 'This case is not in home care.', 'caseId');
  }
}

function filteredAlerts(db: DbOrTrx, scope: Scope, f: { within?: string; open?: boolean; caseId?: number }) {
  let qb = db.selectFrom('care_alerts').where(withinScope(scope, 'care_alerts.unit_path'));
  if (f.within) qb = qb.where('care_alerts.unit_path', 'like', `${f.within}%`);
  if (f.open === true) qb = qb.where('care_alerts.closed_at', 'is', null);
  if (f.open === false) qb = qb.where('care_alerts.closed_at', 'is not', null);
  if (f.caseId) qb = qb.where('care_alerts.case_id', '=', f.caseId);
  return qb;
}

export const alertsRepo = {
  filtered: filteredAlerts,
  withDetails(qb: ReturnType<typeof filteredAlerts>) {
    return qb
      .innerJoin('cases', 'cases.id', 'care_alerts.case_id')
      .innerJoin('people', 'people.id', 'cases.person_id')
      .innerJoin('units', 'units.code', 'care_alerts.unit_code')
      .innerJoin('care_checkins', 'care_checkins.id', 'care_alerts.checkin_id')
      .leftJoin('users', 'users.id', 'care_alerts.acknowledged_by')
      .selectAll('care_alerts')
      .select([
        'people.id as person_id', 'people.full_name', 'people.phone', 'units.name as unit_name', 'users.full_name as ack_name',
        'care_checkins.spo2', 'care_checkins.respiratory_rate', 'care_checkins.pulse', 'care_checkins.temperature',
      ]);
  },
  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<AlertDetailRow | undefined> {
    return alertsRepo.withDetails(alertsRepo.filtered(db, scope, {})).where('care_alerts.id', '=', id).executeTakeFirst();
  },
};

/** Records a check-in; any warning sign opens an alert in the same transaction. */
export async function recordCheckin(db: Db, auth: AuthContext, actor: Actor, caseId: number, input: CheckinInput) {
  requirePersonal(auth, true);
  const now = nowIso();
  const at = input.at ? new Date(input.at).toISOString() : now;
  // A little slack for phone clocks; a reading from the future is a typing mistake.
  if (Date.parse(at) > Date.now() + 10 * 60_000) throw errors.invalid('at', 'Thời điểm đo không thể ở tương lai.', 'The reading cannot be in the future.');
  return db.transaction().execute(async (trx) => {
    const c = await visibleCaseOr404(trx, auth, caseId);
    assertHomeCare(c);
    if (vnDate(new Date(at)) < c.test_date) throw errors.invalid('at', 'Thời điểm đo trước ngày xét nghiệm dương tính.', 'The reading is before the positive test.');
    const symptoms = input.symptoms as CareSymptom[];
    const signs = warningSigns({ ...input, symptoms }, ageOnTest(vnDate(new Date(at)), c.p_date_of_birth, c.p_birth_year), (await resolveRule(trx, c.unit_path, 'home_care')).rule);
    const row = await trx.insertInto('care_checkins').values({
      case_id: caseId, at, temperature: input.temperature ?? null, spo2: input.spo2 ?? null, pulse: input.pulse ?? null,
      respiratory_rate: input.respiratoryRate ?? null, systolic: input.systolic ?? null, symptoms: JSON.stringify(symptoms),
      medicines: input.medicines ?? null, note: input.note ?? null, recorded_by: auth.user.id, created_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    const alertIds: number[] = [];
    if (signs.length) {
      const a = await trx.insertInto('care_alerts').values({
        case_id: caseId, checkin_id: row.id, unit_code: c.unit_code, unit_path: c.unit_path, signs: JSON.stringify(signs), opened_at: now,
        acknowledged_by: null, acknowledged_at: null, action: null, note: null, closed_at: null, version: 1,
      }).returning('id').executeTakeFirstOrThrow();
      alertIds.push(a.id);
    }
    await recordAudit(trx, actor, {
      action: 'checkin', entity: 'case', entityId: caseId, unitCode: c.unit_code, unitPath: c.unit_path,
      changes: { checkinId: [null, row.id], spo2: [null, row.spo2], respiratoryRate: [null, row.respiratory_rate], warningSigns: [null, signs], alertIds: [null, alertIds] },
    });
    const alerts: AlertDto[] = [];
    for (const id of alertIds) alerts.push(toAlertDto((await alertsRepo.findVisible(trx, auth.scope, id))!));
    return { checkin: toCheckinDto(row, signs), alerts };
  });
}

export async function listCheckins(db: Db, auth: AuthContext, actor: Actor, caseId: number, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const c = await visibleCaseOr404(db, auth, caseId);
  const qb = db.selectFrom('care_checkins').where('case_id', '=', caseId);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await qb.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'care_checkin', entityId: caseId, unitCode: c.unit_code, unitPath: c.unit_path });
  const age = ageOnTest(c.test_date, c.p_date_of_birth, c.p_birth_year);
  const { rule } = await resolveRule(db, c.unit_path, 'home_care');
  return {
    items: rows.map((r) => toCheckinDto(r, warningSigns({ spo2: r.spo2, respiratoryRate: r.respiratory_rate, pulse: r.pulse, systolic: r.systolic, symptoms: JSON.parse(r.symptoms) as CareSymptom[] }, age, rule))),
    total: Number(total), page, pageSize,
  };
}

export async function listAlerts(db: Db, auth: AuthContext, actor: Actor, f: { unit?: string; open?: boolean; caseId?: number }, page: number, pageSize: number) {
  requirePersonal(auth, false);
  const qb = alertsRepo.filtered(db, auth.scope, { ...f, within: await resolveWithin(db, auth, f.unit) });
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await alertsRepo.withDetails(qb).orderBy('care_alerts.opened_at', 'desc').orderBy('care_alerts.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  await recordAudit(db, actor, { action: 'read', entity: 'care_alert', unitCode: f.unit ?? auth.user.unitCode, changes: { query: { ...f }, ids: rows.map((r) => r.id) } });
  return { items: rows.map(toAlertDto), total: Number(total), page, pageSize };
}

export async function* iterateAlerts(db: Db, auth: AuthContext, f: { within?: string; open?: boolean }): AsyncGenerator<AlertDto> {
  let after = 0;
  for (;;) {
    const batch = await alertsRepo.withDetails(alertsRepo.filtered(db, auth.scope, f)).where('care_alerts.id', '>', after).orderBy('care_alerts.id').limit(2000).execute();
    for (const b of batch) yield toAlertDto(b);
    if (batch.length < 2000) return;
    after = batch[batch.length - 1].id;
  }
}

/** Someone has seen the alert and acted: it leaves the board. */
export async function acknowledgeAlert(db: Db, auth: AuthContext, actor: Actor, id: number, input: { action: string; note?: string | null; version: number }) {
  requirePersonal(auth, true);
  return db.transaction().execute(async (trx) => {
    const before = await alertsRepo.findVisible(trx, auth.scope, id);
    if (!before) throw alertNotFound();
    if (before.version !== input.version) throw errors.staleVersion();
    if (before.closed_at) throw new AppError(409, 'ALERT_CLOSED', 'Cảnh báo này đã được xử lý.', 'This alert was already handled.', 'version');
    const now = nowIso();
    const r = await trx.updateTable('care_alerts').set({
      acknowledged_by: auth.user.id, acknowledged_at: now, action: input.action, note: input.note ?? null, closed_at: now, version: sql`version + 1`,
    }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: 'acknowledge', entity: 'care_alert', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path,
      changes: { action: [null, input.action], note: [null, input.note ?? null], closedAt: [null, now] },
    });
    return toAlertDto((await alertsRepo.findVisible(trx, auth.scope, id))!);
  });
}
