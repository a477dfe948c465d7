import { foldVietnamese } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { parseSort } from '../lib/paging.js';
import { registerPersonReference } from '../people/references.js';
import type { CaseDetailRow } from './model.js';
import { recordedDoseColumns } from './vaccination-status.js';

// A merge of two person records carries their cases and contact records along.
registerPersonReference('cases', 'person_id');
registerPersonReference('contacts', 'person_id');

export interface CaseFilter {
  within?: string;
  status?: string;
  severity?: string;
  detectedIn?: string;
  carePlace?: string;
  clusterId?: number;
  /** Test date range. */
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
}

const SORTS = { testDate: 'cases.test_date', createdAt: 'cases.created_at', severity: 'cases.severity' } as const;

function filtered(db: DbOrTrx, scope: Scope, f: CaseFilter) {
  let qb = db.selectFrom('cases').where(withinScope(scope, 'cases.unit_path'));
  if (f.within) qb = qb.where('cases.unit_path', 'like', `${f.within}%`);
  if (f.status) qb = qb.where('cases.status', '=', f.status);
  if (f.severity) qb = qb.where('cases.severity', '=', f.severity);
  if (f.detectedIn) qb = qb.where('cases.detected_in', '=', f.detectedIn);
  if (f.carePlace) qb = qb.where('cases.care_place', '=', f.carePlace);
  if (f.clusterId) qb = qb.where('cases.cluster_id', '=', f.clusterId);
  if (f.from) qb = qb.where('cases.test_date', '>=', f.from);
  if (f.to) qb = qb.where('cases.test_date', '<=', f.to);
  if (f.q) {
    const raw = f.q.trim();
    const digits = raw.replace(/[\s.+-]/g, '');
    qb = qb.where((eb) => eb.exists(eb.selectFrom('people').select('people.id').whereRef('people.id', '=', 'cases.person_id').where((e2) => {
      if (/^\d{6,12}$/.test(digits)) return e2.or([e2('people.id_number', '=', digits), e2('people.phone', '=', digits)]);
      const words = foldVietnamese(raw).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
      return e2.and(words.map((w) => e2('people.name_folded', 'like', `%${w}%`)));
    })));
  }
  return qb;
}

export const casesRepo = {
  filtered,

  /** The case with its person, unit, cluster, and the path of its source case (to decide whether to show it). */
  withDetails(qb: ReturnType<typeof filtered>) {
    return qb
      .innerJoin('people', 'people.id', 'cases.person_id')
      .innerJoin('units', 'units.code', 'cases.unit_code')
      .leftJoin('clusters', 'clusters.id', 'cases.cluster_id')
      .leftJoin('cases as src', 'src.id', 'cases.source_case_id')
      .selectAll('cases')
      .select([
        'people.full_name as p_full_name', 'people.date_of_birth as p_date_of_birth', 'people.birth_year as p_birth_year', 'people.sex as p_sex',
        'people.id_number as p_id_number', 'people.phone as p_phone', 'people.address as p_address', 'people.unit_code as p_unit_code',
        'people.comorbidity as p_comorbidity', 'people.pregnant as p_pregnant',
        'units.name as unit_name', 'clusters.name as cluster_name', 'src.unit_path as source_unit_path',
      ])
      .select(recordedDoseColumns('cases.person_id', 'cases.test_date', true));
  },

  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<CaseDetailRow | undefined> {
    return casesRepo.withDetails(filtered(db, scope, {})).where('cases.id', '=', id).executeTakeFirst();
  },

  order(sort: string | undefined) {
    return parseSort(sort, SORTS, 'cases.test_date');
  },

  /** Every episode of a person, whoever manages it: one person has one active episode nationwide. */
  async episodesOf(db: DbOrTrx, personId: number) {
    return db.selectFrom('cases').select(['id', 'status', 'test_date', 'discharge_date', 'unit_path']).where('person_id', '=', personId).execute();
  },

  async openCarePeriod(db: DbOrTrx, caseId: number) {
    return db.selectFrom('case_care_places').selectAll().where('case_id', '=', caseId).orderBy('from_date', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  },

  async carePeriods(db: DbOrTrx, caseId: number) {
    return db.selectFrom('case_care_places').selectAll().where('case_id', '=', caseId).orderBy('from_date').orderBy('id').execute();
  },
};
