import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import type { DeathsOrphansDto } from './model.js';

/**
 * Deaths (cases with status died, by death date) and orphaned children, for a unit and each unit
 * directly under it: numbers only, so observers may read them.
 */
export async function deathsOrphans(db: Db, auth: AuthContext, q: { unit?: string; from?: string; to?: string }): Promise<DeathsOrphansDto> {
  if (q.from && q.to && q.from > q.to) throw errors.invalid('from', 'Từ ngày phải trước đến ngày.', '`from` must not be after `to`.');
  const code = q.unit ?? auth.user.unitCode;
  const unit = code ? await unitsRepo.findVisible(db, auth.scope, code) : undefined;
  if (code && !unit) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
  let children = await db.selectFrom('units').select(['code', 'name', 'path']).where(withinScope(auth.scope, 'units.path'))
    .where((eb) => (unit ? eb('parent_code', '=', unit.code) : eb('parent_code', 'is', null))).orderBy('code').execute();
  if (unit && children.length === 0) children = [{ code: unit.code, name: unit.name, path: unit.path }];

  const rows: DeathsOrphansDto['rows'] = [];
  for (const u of children) {
    let deaths = db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'died').where('unit_path', 'like', `${u.path}%`);
    let orphans = db.selectFrom('orphans').innerJoin('cases', 'cases.id', 'orphans.case_id')
      .select(['orphans.support_status', (eb) => eb.fn.countAll().as('n')]).where('orphans.unit_path', 'like', `${u.path}%`).groupBy('orphans.support_status');
    if (q.from) { deaths = deaths.where('death_date', '>=', q.from); orphans = orphans.where('cases.death_date', '>=', q.from); }
    if (q.to) { deaths = deaths.where('death_date', '<=', q.to); orphans = orphans.where('cases.death_date', '<=', q.to); }
    const [d, o] = await Promise.all([deaths.executeTakeFirstOrThrow(), orphans.execute()]);
    const by = (s: string) => Number(o.find((x) => x.support_status === s)?.n ?? 0);
    rows.push({
      unitCode: u.code, unitName: u.name, deaths: Number(d.n), orphans: o.reduce((s, x) => s + Number(x.n), 0),
      supportNone: by('none'), supportProposed: by('proposed'), supportReceiving: by('receiving'),
    });
  }
  const sum = (k: 'deaths' | 'orphans' | 'supportNone' | 'supportProposed' | 'supportReceiving') => rows.reduce((s, r) => s + r[k], 0);
  return {
    unitCode: unit?.code ?? null, unitName: unit?.name ?? 'Toàn quốc', from: q.from ?? null, to: q.to ?? null, rows,
    totals: { deaths: sum('deaths'), orphans: sum('orphans'), supportNone: sum('supportNone'), supportProposed: sum('supportProposed'), supportReceiving: sum('supportReceiving') },
  };
}
