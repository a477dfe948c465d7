import { foldVietnamese, AGE_BANDS, type AgeBand } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { PersonRow } from '../db/schema.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { parseSort } from '../lib/paging.js';

export interface PeopleFilter {
  /** Path of the unit whose subtree is wanted. */
  within?: string;
  q?: string;
  residenceStatus?: string;
  ageBand?: AgeBand;
  flag?: 'comorbidity' | 'pregnant' | 'elderlyAlone';
  householdId?: number;
  sort?: string;
}

const SORTS = { name: 'people.name_folded', birthYear: 'people.birth_year', createdAt: 'people.created_at', unit: 'people.unit_path' } as const;
const FLAG_COLUMNS = { comorbidity: 'people.comorbidity', pregnant: 'people.pregnant', elderlyAlone: 'people.elderly_alone' } as const;

/** Birth years whose people are in an age band this year (by year of birth, as village registers keep it). */
function birthYearRange(band: AgeBand, thisYear: number): [number, number] {
  const [lo, hi] = band === '65+' ? [65, 200] : band.split('-').map(Number);
  return [thisYear - hi, thisYear - lo];
}

export function visiblePeople(db: DbOrTrx, scope: Scope) {
  return db.selectFrom('people').where(withinScope(scope, 'people.unit_path')).where('people.merged_into', 'is', null);
}

export const peopleRepo = {
  filtered(db: DbOrTrx, scope: Scope, f: PeopleFilter, thisYear: number) {
    let qb = visiblePeople(db, scope);
    if (f.within) qb = qb.where('people.unit_path', 'like', `${f.within}%`);
    if (f.q) {
      const raw = f.q.trim();
      const digits = raw.replace(/[\s.+-]/g, '');
      if (/^\d{6,12}$/.test(digits)) {
        const phone = digits.startsWith('84') && digits.length === 11 ? '0' + digits.slice(2) : digits;
        qb = qb.where((eb) => eb.or([eb('people.id_number', '=', digits), eb('people.phone', '=', phone), eb('people.id_number', 'like', `${digits}%`), eb('people.phone', 'like', `${phone}%`)]));
      } else {
        const words = foldVietnamese(raw).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
        qb = qb.where((eb) => eb.and(words.map((w) => eb('people.name_folded', 'like', `%${w}%`))));
      }
    }
    if (f.residenceStatus) qb = qb.where('people.residence_status', '=', f.residenceStatus);
    if (f.ageBand && AGE_BANDS.includes(f.ageBand)) {
      const [from, to] = birthYearRange(f.ageBand, thisYear);
      qb = qb.where('people.birth_year', '>=', from).where('people.birth_year', '<=', to);
    }
    if (f.flag) qb = qb.where(FLAG_COLUMNS[f.flag], '=', 1);
    if (f.householdId) qb = qb.where('people.household_id', '=', f.householdId);
    return qb;
  },

  order(f: PeopleFilter) {
    return parseSort(f.sort, SORTS, 'people.name_folded');
  },

  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<(PersonRow & { unit_name: string }) | undefined> {
    return visiblePeople(db, scope)
      .innerJoin('units', 'units.code', 'people.unit_code')
      .selectAll('people')
      .select('units.name as unit_name')
      .where('people.id', '=', id)
      .executeTakeFirst();
  },

  async byIdNumber(db: DbOrTrx, idNumber: string): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('id_number', '=', idNumber).where('merged_into', 'is', null).executeTakeFirst();
  },

  /** Same folded name, same birth date (or year when only that is known), same village. */
  async probableDuplicates(db: DbOrTrx, p: { id: number; name_folded: string; unit_code: string; date_of_birth: string | null; birth_year: number | null }): Promise<number[]> {
    if (!p.date_of_birth && p.birth_year === null) return [];
    let qb = db.selectFrom('people').select('id')
      .where('name_folded', '=', p.name_folded).where('unit_code', '=', p.unit_code).where('id', '!=', p.id).where('merged_into', 'is', null);
    qb = p.date_of_birth
      ? qb.where((eb) => eb.or([eb('date_of_birth', '=', p.date_of_birth), eb.and([eb('date_of_birth', 'is', null), eb('birth_year', '=', p.birth_year)])]))
      : qb.where('birth_year', '=', p.birth_year);
    return (await qb.execute()).map((r) => r.id);
  },
};
