import { foldVietnamese, normalizeReceiptCode } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import { withinScope, type Scope } from '../auth/scope.js';
import { parseSort } from '../lib/paging.js';
import { registerPersonReference } from '../people/references.js';

// A merge of two person records carries their declarations and follow-ups along.
registerPersonReference('declarations', 'person_id');
registerPersonReference('obligations', 'person_id');

export interface DeclarationFilter {
  within?: string;
  q?: string;
  from?: string;
  to?: string;
  fromZone?: boolean;
  source?: string;
  checkpointId?: number;
  sort?: string;
}

const DECLARATION_SORTS = { arrivalDate: 'declarations.arrival_date', createdAt: 'declarations.created_at', name: 'declarations.name_folded' } as const;

/** Declarations whose destination lies in the scope. */
function filteredDeclarations(db: DbOrTrx, scope: Scope, f: DeclarationFilter) {
  let qb = db.selectFrom('declarations').where(withinScope(scope, 'declarations.to_unit_path'));
  if (f.within) qb = qb.where('declarations.to_unit_path', 'like', `${f.within}%`);
  if (f.from) qb = qb.where('declarations.arrival_date', '>=', f.from);
  if (f.to) qb = qb.where('declarations.arrival_date', '<=', f.to);
  if (f.fromZone !== undefined) qb = qb.where('declarations.from_zone', '=', f.fromZone ? 1 : 0);
  if (f.source) qb = qb.where('declarations.source', '=', f.source);
  if (f.checkpointId) qb = qb.where('declarations.checkpoint_id', '=', f.checkpointId);
  if (f.q) {
    const raw = f.q.trim();
    const digits = raw.replace(/[\s.+-]/g, '');
    const receipt = normalizeReceiptCode(raw);
    if (receipt) qb = qb.where('declarations.receipt_code', '=', receipt);
    else if (/^\d{6,12}$/.test(digits)) {
      const phone = digits.startsWith('84') && digits.length === 11 ? '0' + digits.slice(2) : digits;
      qb = qb.where((eb) => eb.or([eb('declarations.id_number', '=', digits), eb('declarations.phone', '=', phone)]));
    } else {
      const words = foldVietnamese(raw).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
      qb = qb.where((eb) => eb.and(words.map((w) => eb('declarations.name_folded', 'like', `%${w}%`))));
    }
  }
  return qb;
}

export const declarationsRepo = {
  filtered: filteredDeclarations,

  /** With the destination's name, the checkpoint's and any follow-up opened by the declaration. */
  withDetails(qb: ReturnType<typeof filteredDeclarations>) {
    return qb
      .innerJoin('units', 'units.code', 'declarations.to_unit_code')
      .leftJoin('checkpoints', 'checkpoints.id', 'declarations.checkpoint_id')
      .selectAll('declarations')
      .select(['units.name as to_unit_name', 'checkpoints.name as checkpoint_name'])
      .select((eb) => eb.selectFrom('obligations').select('obligations.id').whereRef('obligations.declaration_id', '=', 'declarations.id').limit(1).as('obligation_id'));
  },

  order(sort: string | undefined) {
    return parseSort(sort, DECLARATION_SORTS, 'declarations.arrival_date');
  },
};

export interface ObligationFilter {
  within?: string;
  status?: string;
  due?: 'today' | 'overdue' | 'upcoming';
  q?: string;
  sort?: string;
}

const OBLIGATION_SORTS = { nextDueDate: 'obligations.next_due_date', startDate: 'obligations.start_date', endDate: 'obligations.end_date' } as const;

function filteredObligations(db: DbOrTrx, scope: Scope, f: ObligationFilter, today: string) {
  let qb = db.selectFrom('obligations').where(withinScope(scope, 'obligations.unit_path'));
  if (f.within) qb = qb.where('obligations.unit_path', 'like', `${f.within}%`);
  if (f.status) qb = qb.where('obligations.status', '=', f.status);
  // next_due_date is the earliest outstanding item, so one comparison sorts a follow-up into one bucket.
  if (f.due) {
    qb = qb.where('obligations.status', '=', 'open');
    if (f.due === 'today') qb = qb.where('obligations.next_due_date', '=', today);
    else if (f.due === 'overdue') qb = qb.where('obligations.next_due_date', '<', today);
    else qb = qb.where('obligations.next_due_date', '>', today);
  }
  if (f.q) {
    const words = foldVietnamese(f.q).replace(/[%_\\]/g, '').split(' ').filter(Boolean);
    qb = qb.where((eb) => eb.exists(eb.selectFrom('people').select('people.id').whereRef('people.id', '=', 'obligations.person_id')
      .where((e2) => e2.and(words.map((w) => e2('people.name_folded', 'like', `%${w}%`))))));
  }
  return qb;
}

export const obligationsRepo = {
  filtered: filteredObligations,

  /** The follow-up with what the commune needs to act on it: who, where from, how to reach them. */
  withDetails(qb: ReturnType<typeof filteredObligations>) {
    return qb
      .innerJoin('people', 'people.id', 'obligations.person_id')
      .innerJoin('units', 'units.code', 'obligations.unit_code')
      .leftJoin('declarations', 'declarations.id', 'obligations.declaration_id')
      .selectAll('obligations')
      .select((eb) => [
        eb.fn.coalesce('declarations.full_name', 'people.full_name').as('full_name'),
        eb.fn.coalesce('declarations.phone', 'people.phone').as('phone'),
        eb.fn.coalesce('declarations.address', 'people.address').as('address'),
        'units.name as unit_name',
        'declarations.from_unit_name as from_unit_name',
        'declarations.arrival_date as arrival_date',
        'declarations.receipt_code as receipt_code',
      ]);
  },

  order(sort: string | undefined) {
    return parseSort(sort, OBLIGATION_SORTS, 'obligations.next_due_date');
  },
};
