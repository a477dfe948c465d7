import { sql } from 'kysely';
import {
  addDays, can, COVERAGE_MEASURE_LABELS, RECENT_PACE_DAYS, targetProgress, VACCINATION_GROUP_LABELS, vnDate,
  type CoverageMeasure, type VaccinationGroup,
} from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { UnitRow, VaccinationTargetRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { computeCoverage, type CoverageCounts } from './coverage.js';
import { percentOf, populationOf, statsUnit } from './stats.js';
import type { TargetDto, TargetInput, TargetPatch } from './model.js';

const targetNotFound = () => errors.notFound('Mục tiêu tiêm chủng', 'Vaccination target');

function requirePlan(auth: AuthContext) {
  if (!can(auth.user.role, 'vaccination.plan')) throw errors.forbidden();
}

type Row = VaccinationTargetRow & { unit_name: string };

/** Coverage now and a week ago per unit, computed once for all the targets of that unit. */
class CoverageCache {
  private cache = new Map<string, Promise<{ now: CoverageCounts; before: CoverageCounts; unit: UnitRow }>>();
  constructor(private db: DbOrTrx, private today: string) {}
  get(unitCode: string) {
    let p = this.cache.get(unitCode);
    if (!p) {
      p = (async () => {
        const unit = (await unitsRepo.findByCode(this.db, unitCode))!;
        const now = await computeCoverage(this.db, unit.path, this.today);
        const before = await computeCoverage(this.db, unit.path, addDays(this.today, -RECENT_PACE_DAYS));
        return { now: now.total, before: before.total, unit };
      })();
      this.cache.set(unitCode, p);
    }
    return p;
  }
}

async function toDto(r: Row, cache: CoverageCache, today: string): Promise<TargetDto> {
  const group = r.group_code as VaccinationGroup;
  const measure = r.measure as CoverageMeasure;
  const { now, before, unit } = await cache.get(r.unit_code);
  const population = populationOf(unit, group);
  const denominator = population ?? now.registered[group];
  const numerator = now.vaccinated[group][measure];
  // People who reached the measure in the last 7 days: the week's difference is the recent pace.
  const gained = Math.max(0, numerator - before.vaccinated[group][measure]);
  const p = targetProgress({ percent: r.percent, deadline: r.deadline }, { numerator, denominator }, [{ date: today, count: gained }], today);
  return {
    id: r.id, unitCode: r.unit_code, unitName: r.unit_name, group, groupLabel: VACCINATION_GROUP_LABELS[group], measure, measureLabel: COVERAGE_MEASURE_LABELS[measure],
    percent: r.percent, deadline: r.deadline, note: r.note, active: r.active === 1,
    progress: {
      date: today, numerator, denominator, denominatorSource: population === null ? 'registry' : 'population', percentNow: percentOf(numerator, denominator),
      targetPeople: p.targetPeople, gapPeople: p.gapPeople, daysLeft: p.daysLeft, neededPerDay: Math.round(p.neededPerDay * 10) / 10,
      recentPerDay: Math.round(p.recentPerDay * 10) / 10, onTrack: p.onTrack,
    },
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

function targetsWithUnit(db: DbOrTrx) {
  return db.selectFrom('vaccination_targets').innerJoin('units', 'units.code', 'vaccination_targets.unit_code')
    .selectAll('vaccination_targets').select('units.name as unit_name');
}

function visibleTargets(db: DbOrTrx, auth: AuthContext) {
  return targetsWithUnit(db).where(withinScope(auth.scope, 'vaccination_targets.unit_path'));
}

async function visibleOr404(db: DbOrTrx, auth: AuthContext, id: number): Promise<Row> {
  const r = await visibleTargets(db, auth).where('vaccination_targets.id', '=', id).executeTakeFirst();
  if (!r) throw targetNotFound();
  return r;
}

function checkDeadline(deadline: string, today: string) {
  if (deadline < today) throw errors.invalid('deadline', 'Hạn hoàn thành đã qua.', 'The deadline has passed.');
}

/** A district or a commune sets its own targets (seed 002: "100 % người từ 18 tuổi tiêm mũi 1 trong tháng 11"). */
export async function createTarget(db: Db, auth: AuthContext, actor: Actor, input: TargetInput): Promise<TargetDto> {
  requirePlan(auth);
  const today = vnDate();
  checkDeadline(input.deadline, today);
  const id = await db.transaction().execute(async (trx) => {
    const unit = await unitsRepo.findVisible(trx, auth.scope, input.unitCode);
    if (!unit) throw errors.invalid('unitCode', `Đơn vị "${input.unitCode}" không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, 'Unknown unit or outside your jurisdiction.');
    if (unit.tier !== 'district' && unit.tier !== 'commune') throw errors.invalid('unitCode', 'Mục tiêu được đặt cho một quận/huyện hoặc một xã/phường.', 'Targets are set by a district or a commune.');
    const now = nowIso();
    const row = await trx.insertInto('vaccination_targets').values({
      unit_code: unit.code, unit_path: unit.path, group_code: input.group, measure: input.measure, percent: input.percent, deadline: input.deadline,
      note: input.note ?? null, active: 1, created_by: auth.user.id, created_at: now, updated_at: now, version: 1,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create', entity: 'vaccination_target', entityId: row.id, unitCode: unit.code, unitPath: unit.path,
      changes: { group: [null, input.group], measure: [null, input.measure], percent: [null, input.percent], deadline: [null, input.deadline] },
    });
    return row.id;
  });
  return toDto(await visibleOr404(db, auth, id), new CoverageCache(db, today), today);
}

export async function updateTarget(db: Db, auth: AuthContext, actor: Actor, id: number, patch: TargetPatch): Promise<TargetDto> {
  requirePlan(auth);
  const today = vnDate();
  await db.transaction().execute(async (trx) => {
    const before = await visibleOr404(trx, auth, id);
    if (before.version !== patch.version) throw errors.staleVersion();
    if (patch.deadline !== undefined && patch.deadline !== before.deadline) checkDeadline(patch.deadline, today);
    const next = {
      percent: patch.percent ?? before.percent, deadline: patch.deadline ?? before.deadline, note: patch.note !== undefined ? patch.note : before.note,
      active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
    };
    const r = await trx.updateTable('vaccination_targets').set({ ...next, version: sql`version + 1`, updated_at: nowIso() }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const changes: Record<string, [unknown, unknown]> = {};
    for (const k of Object.keys(next) as (keyof typeof next)[]) if (next[k] !== before[k]) changes[k] = [before[k], next[k]];
    await recordAudit(trx, actor, { action: 'update', entity: 'vaccination_target', entityId: id, unitCode: before.unit_code, unitPath: before.unit_path, changes });
  });
  return toDto(await visibleOr404(db, auth, id), new CoverageCache(db, today), today);
}

/**
 * Targets of a unit's subtree and of the units above it, each with its progress today: a commune
 * reads the district's target it works towards. Figures only, so observers read them too.
 */
export async function listTargets(db: Db, auth: AuthContext, q: { unit?: string; active: 'true' | 'false' | 'all' }): Promise<{ items: TargetDto[] }> {
  // The unit is inside the caller's scope (or 404), so its subtree is too; the units above it are read-only context.
  const unit = await statsUnit(db, auth, q.unit);
  let qb = targetsWithUnit(db);
  if (unit) {
    const ancestors = unit.path.split('/').filter(Boolean).map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
    qb = qb.where((eb) => eb.or([eb('vaccination_targets.unit_path', 'like', `${unit.path}%`), eb('vaccination_targets.unit_path', 'in', ancestors)]));
  }
  if (q.active !== 'all') qb = qb.where('vaccination_targets.active', '=', q.active === 'true' ? 1 : 0);
  const rows = await qb.orderBy('vaccination_targets.unit_path').orderBy('vaccination_targets.deadline').orderBy('vaccination_targets.id').execute();
  const today = vnDate();
  const cache = new CoverageCache(db, today);
  const items: TargetDto[] = [];
  for (const r of rows) items.push(await toDto(r, cache, today));
  return { items };
}
