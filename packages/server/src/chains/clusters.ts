import { sql, type RawBuilder } from 'kysely';
import { can, foldVietnamese, isIsoDate, vnDate } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { diffFields, recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { clustersRepo, type ClusterFilter } from './clusters-repository.js';
import { toClusterDto, type ClusterDto, type ClusterInput, type ClusterListRow, type ClusterPatch } from './model.js';

const notFound = () => errors.notFound('Ổ dịch', 'Cluster');

/** Cluster names and counts are not personal; creating and renaming them is for staff who handle cases. */
function requireWriter(auth: AuthContext) {
  if (!can(auth.user.role, 'personal.write')) throw errors.forbidden();
}

function withCounts(qb: ReturnType<typeof clustersRepo.filtered>) {
  const count = (table: 'cases' | 'contacts', condition: RawBuilder<unknown>) =>
    sql<number>`(select count(*) from ${sql.table(table)} x where x.cluster_id = ${sql.ref('clusters.id')} and ${condition})`;
  return qb
    .innerJoin('units', 'units.code', 'clusters.unit_code')
    .selectAll('clusters')
    .select([
      'units.name as unit_name',
      count('cases', sql`1 = 1`).as('n_cases'),
      count('cases', sql`x.status = 'active'`).as('n_active'),
      count('cases', sql`x.status = 'died'`).as('n_deaths'),
      count('contacts', sql`x.level = 'F1' and x.status <> 'promoted'`).as('n_f1'),
      count('contacts', sql`x.level = 'F2' and x.status <> 'promoted'`).as('n_f2'),
    ]);
}

async function clusterDto(db: DbOrTrx, auth: AuthContext, id: number): Promise<ClusterDto | undefined> {
  const row = await withCounts(clustersRepo.filtered(db, auth.scope, {})).where('clusters.id', '=', id).executeTakeFirst();
  return row ? toClusterDto(row as ClusterListRow) : undefined;
}

export async function resolveClusterWithin(db: DbOrTrx, auth: AuthContext, unit: string | undefined) {
  if (!unit) return undefined;
  const u = await unitsRepo.findVisible(db, auth.scope, unit);
  if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  return u.path;
}

export async function listClusters(db: Db, auth: AuthContext, f: ClusterFilter & { unit?: string }, page: number, pageSize: number) {
  const filter = { ...f, within: await resolveClusterWithin(db, auth, f.unit) };
  const qb = clustersRepo.filtered(db, auth.scope, filter);
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await withCounts(qb).orderBy('clusters.first_date', 'desc').orderBy('clusters.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map((r) => toClusterDto(r as ClusterListRow)), total: Number(total), page, pageSize };
}

export async function* iterateClusters(db: Db, auth: AuthContext, filter: ClusterFilter): AsyncGenerator<ClusterDto> {
  let after = 0;
  for (;;) {
    const batch = await withCounts(clustersRepo.filtered(db, auth.scope, filter)).where('clusters.id', '>', after).orderBy('clusters.id').limit(500).execute();
    for (const b of batch) yield toClusterDto(b as ClusterListRow);
    if (batch.length < 500) return;
    after = batch[batch.length - 1].id;
  }
}

export async function getCluster(db: Db, auth: AuthContext, id: number): Promise<ClusterDto> {
  const dto = await clusterDto(db, auth, id);
  if (!dto) throw notFound();
  return dto;
}

function checkDate(firstDate: string | undefined) {
  if (firstDate === undefined) return;
  if (!isIsoDate(firstDate)) throw errors.invalid('firstDate', 'Ngày ghi nhận ca đầu tiên không hợp lệ.', 'Invalid first date.');
  if (firstDate > vnDate()) throw errors.invalid('firstDate', 'Ngày ghi nhận ca đầu tiên không thể ở tương lai.', 'The first date is in the future.');
}

export async function createCluster(db: Db, auth: AuthContext, actor: Actor, input: ClusterInput): Promise<ClusterDto> {
  requireWriter(auth);
  checkDate(input.firstDate);
  return db.transaction().execute(async (trx) => {
    const code = input.unitCode ?? auth.user.unitCode;
    const unit = code ? await unitsRepo.findVisible(trx, auth.scope, code) : undefined;
    if (!unit || unit.tier === 'village') {
      throw errors.invalid('unitCode', 'Ổ dịch thuộc một xã, huyện hoặc tỉnh trong phạm vi quản lý của bạn.', 'A cluster belongs to a commune, district or province in your jurisdiction.');
    }
    const now = nowIso();
    const row = await trx.insertInto('clusters').values({
      name: input.name, name_folded: foldVietnamese(input.name), setting: input.setting, unit_code: unit.code, unit_path: unit.path,
      first_date: input.firstDate, note: input.note ?? null, created_by: auth.user.id, version: 1, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'cluster', entityId: row.id, unitCode: unit.code, unitPath: unit.path, changes: { name: [null, input.name], setting: [null, input.setting] } });
    return (await clusterDto(trx, auth, row.id))!;
  });
}

/** Only the area that declared a cluster renames it; areas that merely have cases in it see it. */
export async function updateCluster(db: Db, auth: AuthContext, actor: Actor, id: number, patch: ClusterPatch): Promise<ClusterDto> {
  requireWriter(auth);
  checkDate(patch.firstDate);
  return db.transaction().execute(async (trx) => {
    const before = await clusterDto(trx, auth, id);
    const own = before && (await unitsRepo.findVisible(trx, auth.scope, before.unitCode));
    if (!before || !own) throw notFound();
    if (before.version !== patch.version) throw errors.staleVersion();
    const r = await trx.updateTable('clusters').set({
      ...(patch.name !== undefined ? { name: patch.name, name_folded: foldVietnamese(patch.name) } : {}),
      ...(patch.setting !== undefined ? { setting: patch.setting } : {}),
      ...(patch.firstDate !== undefined ? { first_date: patch.firstDate } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      version: sql`version + 1`, updated_at: nowIso(),
    }).where('id', '=', id).where('version', '=', patch.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
    const after = (await clusterDto(trx, auth, id))!;
    await recordAudit(trx, actor, {
      action: 'update', entity: 'cluster', entityId: id, unitCode: before.unitCode,
      changes: diffFields({ name: before.name, setting: before.setting, firstDate: before.firstDate, note: before.note }, { name: after.name, setting: after.setting, firstDate: after.firstDate, note: after.note }),
    });
    return after;
  });
}
