import { crossCheckArrivals, crossCheckWindow, checkSweepDates } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { withinScope } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { sweepsRepo } from './repository.js';
import { findSweep, requireManage } from './service.js';
import type { CrossCheckEntry } from './model.js';

const yearOf = (date: string | null, year: number | null) => year ?? (date ? Number(date.slice(0, 4)) : null);

/**
 * The police cross-check (seed 000 item 7): people declared arriving in the sweep's villages
 * (or in its commune without a village) against the new arrivals its visits found, both in the
 * same window of arrival dates, and who is on one list only.
 */
export async function crossCheck(db: Db, auth: AuthContext, actor: Actor, id: number, q: { from?: string; to?: string }) {
  requireManage(auth);
  const sweep = await findSweep(db, auth, id);
  const window = crossCheckWindow({ fromDate: sweep.from_date, toDate: sweep.to_date }, q.from, q.to);
  const problems = checkSweepDates(window.from, window.to).map((p) => ({ ...p, field: p.field === 'fromDate' ? 'from' : 'to' }));
  if (problems.length) throw errors.problems(problems);
  const villages = await sweepsRepo.villages(db, id);

  const declaredRows = await db.selectFrom('declarations as d').innerJoin('units as u', 'u.code', 'd.to_unit_code')
    .select(['d.id', 'd.person_id', 'd.full_name', 'd.birth_year', 'd.date_of_birth', 'd.id_number', 'd.to_unit_code', 'u.name as unit_name', 'd.arrival_date', 'd.from_unit_name'])
    .where(withinScope(auth.scope, 'd.to_unit_path'))
    .where((eb) => eb.or([eb('d.to_unit_code', '=', sweep.unit_code), ...villages.map((v) => eb('d.to_unit_path', 'like', `${v.unit_path}%`))]))
    .where('d.arrival_date', '>=', window.from).where('d.arrival_date', '<=', window.to)
    .orderBy('d.arrival_date').orderBy('d.id').execute();
  const declared: CrossCheckEntry[] = declaredRows.map((d) => ({
    source: 'declared', personId: d.person_id, fullName: d.full_name, birthYear: yearOf(d.date_of_birth, d.birth_year), idNumber: d.id_number,
    unitCode: d.to_unit_code, unitName: d.unit_name, arrivalDate: d.arrival_date, origin: d.from_unit_name, recordId: d.id,
  }));

  const foundRows = await db.selectFrom('sweep_visit_people as vp').innerJoin('sweep_visits as v', 'v.id', 'vp.visit_id')
    .innerJoin('people as p', 'p.id', 'vp.person_id').innerJoin('units as u', 'u.code', 'v.unit_code')
    .select(['v.id', 'vp.person_id', 'p.full_name', 'p.birth_year', 'p.date_of_birth', 'p.id_number', 'v.unit_code', 'u.name as unit_name', 'vp.arrival_date', 'vp.origin_text'])
    .where('vp.sweep_id', '=', id).where('vp.role', '=', 'arrival').where(withinScope(auth.scope, 'v.unit_path'))
    .where('vp.arrival_date', '>=', window.from).where('vp.arrival_date', '<=', window.to)
    .orderBy('vp.arrival_date').orderBy('vp.id').execute();
  // Found twice (two visits to one household) is one arrival.
  const seen = new Set<number>();
  const found: CrossCheckEntry[] = foundRows.filter((f) => !seen.has(f.person_id) && seen.add(f.person_id)).map((f) => ({
    source: 'found', personId: f.person_id, fullName: f.full_name, birthYear: yearOf(f.date_of_birth, f.birth_year), idNumber: f.id_number,
    unitCode: f.unit_code, unitName: f.unit_name, arrivalDate: f.arrival_date, origin: f.origin_text, recordId: f.id,
  }));

  const result = crossCheckArrivals(declared, found);
  await recordAudit(db, actor, {
    action: 'read', entity: 'sweep_cross_check', entityId: id, unitCode: sweep.unit_code, unitPath: sweep.unit_path,
    changes: { window, onlyDeclared: result.onlyDeclared.map((d) => d.personId), onlyFound: result.onlyFound.map((f) => f.personId) },
  });
  return {
    sweepId: id, fromDate: window.from, toDate: window.to, declared: declared.length, found: found.length, matched: result.matched.length,
    onlyDeclared: result.onlyDeclared, onlyFound: result.onlyFound,
  };
}
