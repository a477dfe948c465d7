import { formatDate, mergeDoseHistories, vnDate, type DoseKind, type MergedDose } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { PersonRow, VaccinationDoseRow } from '../db/schema.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { productRows, toRule } from '../vaccination/products.js';

const facts = (r: VaccinationDoseRow) => ({ id: r.id, productCode: r.product_code, doseNumber: r.dose_number, kind: r.kind as DoseKind, date: r.vaccinated_on });

function describeDose(d: MergedDose, names: Map<string, string>, keepId: number, otherId: number): string {
  const owner = d.from === 'keep' ? keepId : otherId;
  return `mũi ${d.doseNumber} (${names.get(d.productCode) ?? d.productCode}, ${formatDate(d.date)}; đang là mũi ${d.previousNumber} của hồ sơ số ${owner})`;
}

/**
 * Makes one dose history of the two records' before the other record's references are repointed:
 * the unique (person, dose number) index would otherwise refuse the merge. Identical doses (same day,
 * same product: the same injection entered twice) count once; the rest are numbered again in date
 * order. A combined history that a new dose entry would fail is refused, naming the doses, so an
 * official corrects one record first instead of the merge guessing which entry is wrong.
 */
export async function mergeDoses(trx: DbOrTrx, actor: Actor, keep: PersonRow, otherId: number): Promise<{ renumbered: number; collapsed: number }> {
  const [keepRows, otherRows] = await Promise.all([
    trx.selectFrom('vaccination_doses').selectAll().where('person_id', '=', keep.id).orderBy('dose_number').execute(),
    trx.selectFrom('vaccination_doses').selectAll().where('person_id', '=', otherId).orderBy('dose_number').execute(),
  ]);
  // With doses on one side only, repointing moves them unchanged.
  if (keepRows.length === 0 || otherRows.length === 0) return { renumbered: 0, collapsed: 0 };
  const products = await productRows(trx);
  const merged = mergeDoseHistories({ dateOfBirth: keep.date_of_birth, birthYear: keep.birth_year }, keepRows.map(facts), otherRows.map(facts), vnDate(), products.map(toRule));
  if (merged.problems.length) {
    const names = new Map(products.map((p) => [p.code, p.name]));
    const details = merged.problems.map(({ dose, problem }) => ({
      field: 'vaccinations',
      message: `${describeDose(dose, names, keep.id, otherId)}: ${problem.message}`,
      messageEn: `dose ${dose.doseNumber} (${dose.productCode}, ${dose.date}; now dose ${dose.previousNumber} of record ${dose.from === 'keep' ? keep.id : otherId}): ${problem.messageEn}`,
    }));
    throw new AppError(409, 'MERGE_DOSES_CONFLICT',
      `Không gộp được: lịch sử tiêm của hai hồ sơ gộp lại không hợp lệ — ${details.map((d) => d.message).join('; ')}. Hãy sửa hoặc xóa mũi tiêm sai ở một hồ sơ rồi gộp lại.`,
      `Cannot merge: the combined vaccination history is invalid — ${details.map((d) => d.messageEn).join('; ')}. Correct or delete the wrong dose on one record first.`,
      'vaccinations', details);
  }

  const now = nowIso();
  const byId = new Map([...keepRows, ...otherRows].map((r) => [r.id, r]));
  for (const dup of merged.duplicates) {
    const row = byId.get(dup.id)!;
    await trx.deleteFrom('vaccination_doses').where('id', '=', dup.id).execute();
    await recordAudit(trx, actor, {
      action: 'delete', entity: 'vaccination_dose', entityId: dup.id, unitCode: keep.unit_code, unitPath: keep.unit_path,
      changes: { personId: [otherId, null], dose: [row.dose_number, null], date: [row.vaccinated_on, null], product: [row.product_code, null], sameAs: [null, dup.sameAs] },
    });
  }
  const changed = merged.doses.filter((d) => d.from === 'other' || d.doseNumber !== d.previousNumber);
  // Numbers are swapped through negative placeholders so that no step collides with the unique index.
  for (const d of changed) await trx.updateTable('vaccination_doses').set({ dose_number: -d.id }).where('id', '=', d.id).execute();
  for (const d of changed) {
    await trx.updateTable('vaccination_doses').set((eb) => ({ person_id: keep.id, dose_number: d.doseNumber, version: eb('version', '+', 1), updated_at: now })).where('id', '=', d.id).execute();
    await recordAudit(trx, actor, {
      action: 'update', entity: 'vaccination_dose', entityId: d.id, unitCode: keep.unit_code, unitPath: keep.unit_path,
      changes: { ...(d.from === 'other' ? { personId: [otherId, keep.id] } : {}), dose: [d.previousNumber, d.doseNumber] },
    });
  }
  return { renumbered: changed.length, collapsed: merged.duplicates.length };
}

/**
 * Moves the unvaccinated follow-ups (reason, person responsible) to the kept record. Both records
 * answering for the same measure keep the one written last: it is the better knowledge of the door.
 */
export async function mergeVaccinationFollowups(trx: DbOrTrx, actor: Actor, keep: PersonRow, otherId: number): Promise<{ moved: number; dropped: number }> {
  const [mine, theirs] = await Promise.all([
    trx.selectFrom('vaccination_followups').selectAll().where('person_id', '=', keep.id).execute(),
    trx.selectFrom('vaccination_followups').selectAll().where('person_id', '=', otherId).execute(),
  ]);
  const now = nowIso();
  let moved = 0;
  let dropped = 0;
  const drop = async (id: number, measure: string, keptId: number) => {
    await trx.deleteFrom('vaccination_followups').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entity: 'vaccination_followup', entityId: id, unitCode: keep.unit_code, unitPath: keep.unit_path, changes: { measure: [measure, null], replacedBy: [null, keptId] } });
    dropped++;
  };
  for (const f of theirs) {
    const same = mine.find((m) => m.measure === f.measure);
    if (same && same.updated_at >= f.updated_at) {
      await drop(f.id, f.measure, same.id);
      continue;
    }
    if (same) await drop(same.id, same.measure, f.id);
    await trx.updateTable('vaccination_followups').set((eb) => ({ person_id: keep.id, version: eb('version', '+', 1), updated_at: now })).where('id', '=', f.id).execute();
    await recordAudit(trx, actor, { action: 'update', entity: 'vaccination_followup', entityId: f.id, unitCode: keep.unit_code, unitPath: keep.unit_path, changes: { personId: [otherId, keep.id] } });
    moved++;
  }
  return { moved, dropped };
}
