import { foldVietnamese } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers, withinScope, type Scope } from '../auth/scope.js';
import { parseSort } from '../lib/paging.js';
import { recordedDoseColumns } from '../cases/vaccination-status.js';
import { toContactDto, type ContactDetailRow, type ContactDto, type ContactVisibility } from './model.js';

export interface ContactFilter {
  within?: string;
  level?: string;
  status?: string;
  relation?: string;
  /** received: handed over to the caller's area; sent: recorded by it and handed over elsewhere. */
  handover?: 'received' | 'sent';
  sourceCaseId?: number;
  clusterId?: number;
  /** Last exposure range. */
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
}

const SORTS = { lastExposure: 'contacts.last_exposure_date', createdAt: 'contacts.created_at', level: 'contacts.level' } as const;

/** A contact is seen where the person lives and where it was recorded (the source's area). */
function visible(db: DbOrTrx, scope: Scope) {
  return db.selectFrom('contacts').where((eb) => eb.or([withinScope(scope, 'contacts.unit_path')(eb), withinScope(scope, 'contacts.recorded_unit_path')(eb)]));
}

function filtered(db: DbOrTrx, scope: Scope, f: ContactFilter) {
  let qb = visible(db, scope);
  if (f.within) {
    const within = f.within;
    qb = qb.where((eb) => eb.or([eb('contacts.unit_path', 'like', `${within}%`), eb('contacts.recorded_unit_path', 'like', `${within}%`)]));
  }
  if (f.level) qb = qb.where('contacts.level', '=', f.level);
  if (f.status) qb = qb.where('contacts.status', '=', f.status);
  if (f.relation) qb = qb.where('contacts.relation', '=', f.relation);
  if (f.sourceCaseId) qb = qb.where('contacts.source_case_id', '=', f.sourceCaseId);
  if (f.clusterId) qb = qb.where('contacts.cluster_id', '=', f.clusterId);
  if (f.from) qb = qb.where('contacts.last_exposure_date', '>=', f.from);
  if (f.to) qb = qb.where('contacts.last_exposure_date', '<=', f.to);
  if (f.handover) {
    qb = qb.where('contacts.handed_over_from_unit_path', 'is not', null)
      .where(withinScope(scope, f.handover === 'received' ? 'contacts.unit_path' : 'contacts.recorded_unit_path'));
  }
  if (f.q) {
    const words = foldVietnamese(f.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
    // The registry name is searched only where the person lives; elsewhere only what was typed there.
    qb = qb.where((eb) => eb.or([
      eb.and([
        withinScope(scope, 'contacts.unit_path')(eb),
        eb.exists(eb.selectFrom('people').select('people.id').whereRef('people.id', '=', 'contacts.person_id')
          .where((e2) => e2.and(words.map((w) => e2('people.name_folded', 'like', `%${w}%`))))),
      ]),
      eb.and(words.map((w) => eb('contacts.entered_name_folded', 'like', `%${w}%`))),
    ]));
  }
  return qb;
}

function withDetails(qb: ReturnType<typeof filtered>) {
  return qb
    .innerJoin('people', 'people.id', 'contacts.person_id')
    .innerJoin('units as u', 'u.code', 'contacts.unit_code')
    .innerJoin('units as ru', 'ru.code', 'contacts.recorded_unit_code')
    .leftJoin('cases as sc', 'sc.id', 'contacts.source_case_id')
    .leftJoin('units as scu', 'scu.code', 'sc.unit_code')
    .leftJoin('contacts as sk', 'sk.id', 'contacts.source_contact_id')
    .leftJoin('units as sku', 'sku.code', 'sk.unit_code')
    .leftJoin('units as hu', 'hu.path', 'contacts.handed_over_from_unit_path')
    .leftJoin('obligations as ob', 'ob.id', 'contacts.obligation_id')
    .leftJoin('cases as pc', 'pc.id', 'contacts.promoted_case_id')
    .selectAll('contacts')
    .select([
      'u.name as unit_name', 'ru.name as recorded_unit_name',
      'people.full_name as p_full_name', 'people.date_of_birth as p_date_of_birth', 'people.birth_year as p_birth_year', 'people.sex as p_sex',
      'people.id_number as p_id_number', 'people.phone as p_phone', 'people.address as p_address', 'people.unit_code as p_unit_code',
      'sc.unit_path as sc_unit_path', 'sc.unit_code as sc_unit_code', 'scu.name as sc_unit_name',
      'sk.unit_path as sk_unit_path', 'sk.recorded_unit_path as sk_recorded_unit_path', 'sk.unit_code as sk_unit_code', 'sku.name as sk_unit_name',
      'ob.kind as ob_kind', 'ob.start_date as ob_start_date', 'ob.end_date as ob_end_date', 'ob.status as ob_status', 'ob.next_due_date as ob_next_due_date',
      'pc.unit_path as pc_unit_path', 'hu.code as ho_unit_code', 'hu.name as ho_unit_name',
    ])
    .select(recordedDoseColumns('contacts.person_id', 'contacts.last_exposure_date', false));
}

export function visibilityOf(scope: Scope, r: ContactDetailRow): ContactVisibility {
  const sourceVisible = r.source_case_id !== null
    ? scopeCovers(scope, r.sc_unit_path)
    : scopeCovers(scope, r.sk_unit_path) || scopeCovers(scope, r.sk_recorded_unit_path);
  return {
    access: scopeCovers(scope, r.unit_path) ? 'full' : 'recorded',
    sourceVisible,
    recordedVisible: scopeCovers(scope, r.recorded_unit_path),
    promotedVisible: r.promoted_case_id !== null && scopeCovers(scope, r.pc_unit_path),
  };
}

export function contactDto(scope: Scope, r: ContactDetailRow): ContactDto {
  return toContactDto(r, visibilityOf(scope, r));
}

export const contactsRepo = {
  visible,
  filtered,
  withDetails,

  async findVisible(db: DbOrTrx, scope: Scope, id: number): Promise<ContactDetailRow | undefined> {
    return withDetails(filtered(db, scope, {})).where('contacts.id', '=', id).executeTakeFirst();
  },

  order(sort: string | undefined) {
    return parseSort(sort, SORTS, 'contacts.last_exposure_date');
  },
};

/** The contacts recorded for a case, each shown as the caller may see it. */
export async function contactsOfCase(db: DbOrTrx, auth: AuthContext, caseId: number): Promise<ContactDto[]> {
  const rows = await withDetails(filtered(db, auth.scope, { sourceCaseId: caseId })).orderBy('contacts.id').execute();
  return rows.map((r) => contactDto(auth.scope, r));
}
