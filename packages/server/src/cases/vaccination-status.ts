import { sql } from 'kysely';
import { dosesForRule, vaccinationAt, vaccinationFigure, type DoseKind, type VaccinationSource } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import { productRows, toRule } from '../vaccination/products.js';
import { resolveRule } from '../rules/resolve.js';

/**
 * A case's vaccination at diagnosis and a contact's at the last exposure come from the dose records
 * when the person has any: what an official types is kept only for people without records.
 */
export async function vaccinationOfPerson(db: DbOrTrx, personId: number, date: string, inclusive: boolean, declared: number | null) {
  const rows = await db.selectFrom('vaccination_doses').select(['product_code', 'dose_number', 'kind', 'vaccinated_on']).where('person_id', '=', personId).execute();
  const at = vaccinationAt(rows.map((r) => ({ productCode: r.product_code, doseNumber: r.dose_number, kind: r.kind as DoseKind, date: r.vaccinated_on })), date, inclusive,
    rows.length ? (await productRows(db)).map(toRule) : undefined);
  return { ...vaccinationFigure(rows.length, at.doses, declared), at };
}

/** Columns for a list query: how many doses the person has, and how many by the given date column. */
export function recordedDoseColumns(personColumn: 'cases.person_id' | 'contacts.person_id', dateColumn: 'cases.test_date' | 'contacts.last_exposure_date', inclusive: boolean) {
  const person = sql.ref(personColumn);
  const date = sql.ref(dateColumn);
  return [
    sql<number>`(select count(*) from vaccination_doses vx where vx.person_id = ${person})`.as('vx_recorded'),
    (inclusive
      ? sql<number>`(select count(*) from vaccination_doses vx where vx.person_id = ${person} and vx.vaccinated_on <= ${date})`
      : sql<number>`(select count(*) from vaccination_doses vx where vx.person_id = ${person} and vx.vaccinated_on < ${date})`).as('vx_doses'),
  ] as const;
}

export interface RecordedDoseCounts {
  vx_recorded: number | string;
  vx_doses: number | string;
}

/** The figure shown for a row read with `recordedDoseColumns` (PostgreSQL gives counts as text). */
export function figureOfRow(r: RecordedDoseCounts, declared: number | null): { doses: number | null; source: VaccinationSource | null } {
  return vaccinationFigure(Number(r.vx_recorded), Number(r.vx_doses), declared);
}

/** What the F1 follow-up rule of the contact's area is given: from records, whether the product's course is complete. */
export async function contactRuleDoses(db: DbOrTrx, unitPath: string, v: Awaited<ReturnType<typeof vaccinationOfPerson>>): Promise<number | null> {
  if (v.source !== 'records') return v.doses;
  return dosesForRule(v.at, (await resolveRule(db, unitPath, 'contact_follow_up')).rule.fullyVaccinatedDoses);
}
