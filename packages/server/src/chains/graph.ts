import { sql, type Expression, type ExpressionBuilder, type QueryCreator, type SqlBool } from 'kysely';
import { can } from '@pcd/core';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { scopeCovers } from '../auth/scope.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { unitsRepo } from '../units/repository.js';
import { casesRepo } from '../cases/repository.js';
import { clustersRepo } from './clusters-repository.js';
import type { ChainDto, ChainEdge, ChainNode, ChainQuery } from './model.js';

type TreeDb = Database & { tree: { id: number; depth: number } };
type Where<T extends keyof TreeDb> = (eb: ExpressionBuilder<TreeDb, T>) => Expression<SqlBool>;

interface Membership {
  qc: QueryCreator<TreeDb>;
  cases: Where<'cases'>;
  contacts: (level: 'F1' | 'F2') => Where<'contacts'>;
}

type Root = { kind: 'cluster'; id: number; name: string } | { kind: 'case'; id: number };

/**
 * Who belongs to a chain. A cluster's members carry its id (contacts inherit their source's), so
 * one indexed query finds them; a case's chain is the cases descending from it, generation by
 * generation up to `depth`, found by a recursive query the database runs in one go.
 */
function membership(db: Db, root: Root, depth: number): Membership {
  if (root.kind === 'cluster') {
    return {
      qc: db as unknown as QueryCreator<TreeDb>,
      cases: (eb) => eb('cases.cluster_id', '=', root.id),
      contacts: (level) => (eb) => eb.and([eb('contacts.cluster_id', '=', root.id), eb('contacts.level', '=', level)]),
    };
  }
  const qc = db.withRecursive('tree(id, depth)', (q) => q.selectFrom('cases').select(['cases.id', sql<number>`0`.as('depth')]).where('cases.id', '=', root.id)
    .unionAll((q2) => q2.selectFrom('cases').innerJoin('tree', 'tree.id', 'cases.source_case_id')
      .select(['cases.id', sql<number>`tree.depth + 1`.as('depth')]).where('tree.depth', '<', depth))) as unknown as QueryCreator<TreeDb>;
  return {
    qc,
    cases: (eb) => eb('cases.id', 'in', eb.selectFrom('tree').select('tree.id')),
    contacts: (level) => (eb) => level === 'F1'
      ? eb.and([eb('contacts.level', '=', 'F1'), eb('contacts.source_case_id', 'in', eb.selectFrom('tree').select('tree.id'))])
      : eb.and([eb('contacts.level', '=', 'F2'), eb('contacts.source_contact_id', 'in',
        eb.selectFrom('contacts as k1').select('k1.id').where('k1.source_case_id', 'in', eb.selectFrom('tree').select('tree.id')))]),
  };
}

async function resolveRoot(db: Db, auth: AuthContext, ref: string): Promise<Root> {
  const notFound = () => errors.notFound('Chuỗi lây nhiễm', 'Transmission chain');
  const caseRef = /^case-(\d{1,10})$/.exec(ref);
  if (caseRef) {
    const c = await casesRepo.filtered(db, auth.scope, {}).select('cases.id').where('cases.id', '=', Number(caseRef[1])).executeTakeFirst();
    if (!c) throw notFound();
    return { kind: 'case', id: c.id };
  }
  if (!/^\d{1,10}$/.test(ref)) throw notFound();
  const cluster = await clustersRepo.findVisible(db, auth.scope, Number(ref));
  if (!cluster) throw notFound();
  return { kind: 'cluster', id: cluster.id, name: cluster.name };
}

/**
 * Nodes and edges of a cluster or of a case's descendants. Counts cover the whole chain; nodes come
 * in batches (`offset`, `limit`): cases first, then F1, then F2, so a 20 000-person cluster is drawn
 * progressively. Records outside the caller's jurisdiction, and everything for a caller without
 * access to personal data, are anonymous placeholders that keep the shape of the chain.
 */
export async function chain(db: Db, auth: AuthContext, actor: Actor, ref: string, q: ChainQuery): Promise<ChainDto> {
  const root = await resolveRoot(db, auth, ref);
  const m = membership(db, root, q.depth);
  let within: string | undefined;
  if (q.unit) {
    const u = await unitsRepo.findVisible(db, auth.scope, q.unit);
    if (!u) throw errors.notFound('Đơn vị hành chính', 'Administrative unit');
    within = u.path;
  }
  const caseWhere: Where<'cases'> = (eb) => eb.and([
    m.cases(eb),
    ...(q.from ? [eb('cases.test_date', '>=', q.from)] : []),
    ...(q.to ? [eb('cases.test_date', '<=', q.to)] : []),
    ...(within ? [eb('cases.unit_path', 'like', `${within}%`)] : []),
  ]);
  // A promoted contact is drawn as the case it became.
  const contactWhere = (level: 'F1' | 'F2'): Where<'contacts'> => (eb) => eb.and([
    m.contacts(level)(eb),
    eb('contacts.status', '!=', 'promoted'),
    ...(q.from ? [eb('contacts.last_exposure_date', '>=', q.from)] : []),
    ...(q.to ? [eb('contacts.last_exposure_date', '<=', q.to)] : []),
    ...(within ? [eb('contacts.unit_path', 'like', `${within}%`)] : []),
  ]);

  const byStatus = await m.qc.selectFrom('cases').where(caseWhere).select(['cases.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('cases.status').execute();
  const levels: ('F1' | 'F2')[] = q.contacts === 'none' ? [] : q.contacts === 'f1' ? ['F1'] : ['F1', 'F2'];
  const levelCounts: Record<'F1' | 'F2', number> = { F1: 0, F2: 0 };
  for (const level of levels) {
    const [{ n }] = await m.qc.selectFrom('contacts').where(contactWhere(level)).select((eb) => eb.fn.countAll<number>().as('n')).execute();
    levelCounts[level] = Number(n);
  }
  const statusCount = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const nCases = byStatus.reduce((s, r) => s + Number(r.n), 0);
  const counts = {
    cases: nCases, activeCases: statusCount('active'), recovered: statusCount('recovered'), deaths: statusCount('died'),
    f1: levelCounts.F1, f2: levelCounts.F2, total: nCases + levelCounts.F1 + levelCounts.F2,
  };

  const personal = can(auth.user.role, 'personal.read');
  const nodes: ChainNode[] = [];
  const edges: ChainEdge[] = [];
  const seen = { cases: [] as number[], contacts: [] as number[] };
  const sections: { key: 'case' | 'F1' | 'F2'; count: number }[] = [
    { key: 'case', count: nCases }, ...levels.map((l) => ({ key: l, count: levelCounts[l] })),
  ];
  let skip = q.offset;
  let want = q.limit;
  for (const section of sections) {
    if (want === 0) break;
    if (skip >= section.count) { skip -= section.count; continue; }
    const take = Math.min(want, section.count - skip);
    if (section.key === 'case') {
      const rows = await m.qc.selectFrom('cases').where(caseWhere)
        .innerJoin('people', 'people.id', 'cases.person_id')
        .leftJoin('contacts as fc', 'fc.id', 'cases.from_contact_id')
        .leftJoin('contacts as fcp', 'fcp.id', 'fc.source_contact_id')
        .select(['cases.id', 'cases.unit_path', 'cases.unit_code', 'cases.status', 'cases.severity', 'cases.test_date', 'cases.source_case_id',
          'people.full_name', 'fc.level as fc_level', 'fc.source_contact_id as fc_source_contact_id', 'fcp.status as fcp_status', 'fcp.promoted_case_id as fcp_promoted_case_id'])
        .orderBy('cases.test_date').orderBy('cases.id').limit(take).offset(skip).execute();
      for (const r of rows) {
        const open = personal && scopeCovers(auth.scope, r.unit_path);
        if (open) seen.cases.push(r.id);
        nodes.push({
          id: `case-${r.id}`, kind: 'case', level: 'F0', anonymous: !open, label: open ? r.full_name : null, status: open ? r.status : null,
          severity: open ? r.severity : null, date: open ? r.test_date : null, unitCode: open ? r.unit_code : null, handedOver: null,
        });
        // A case promoted from an F2 hangs under that F2's F1 (or the case the F1 became).
        const parent = r.fc_level === 'F2' && r.fc_source_contact_id
          ? (r.fcp_status === 'promoted' && r.fcp_promoted_case_id ? `case-${r.fcp_promoted_case_id}` : `contact-${r.fc_source_contact_id}`)
          : r.source_case_id ? `case-${r.source_case_id}` : null;
        if (parent) edges.push({ from: parent, to: `case-${r.id}`, kind: 'infection' });
      }
    } else {
      const rows = await m.qc.selectFrom('contacts').where(contactWhere(section.key))
        .innerJoin('people', 'people.id', 'contacts.person_id')
        .leftJoin('contacts as sk', 'sk.id', 'contacts.source_contact_id')
        .select(['contacts.id', 'contacts.level', 'contacts.status', 'contacts.unit_path', 'contacts.unit_code', 'contacts.recorded_unit_path',
          'contacts.last_exposure_date', 'contacts.source_case_id', 'contacts.source_contact_id', 'contacts.handed_over_from_unit_path',
          'contacts.entered_person', 'people.full_name', 'sk.status as sk_status', 'sk.promoted_case_id as sk_promoted_case_id'])
        .orderBy('contacts.id').limit(take).offset(skip).execute();
      for (const r of rows) {
        const full = personal && scopeCovers(auth.scope, r.unit_path);
        const recorded = personal && !full && scopeCovers(auth.scope, r.recorded_unit_path);
        // The recording area sees the name it typed itself, not the registry's.
        const label = full ? r.full_name : recorded && r.entered_person ? (JSON.parse(r.entered_person) as { fullName: string }).fullName : null;
        if (full || recorded) seen.contacts.push(r.id);
        nodes.push({
          id: `contact-${r.id}`, kind: 'contact', level: r.level as 'F1' | 'F2', anonymous: !(full || recorded), label,
          status: full || recorded ? r.status : null, severity: null, date: full || recorded ? r.last_exposure_date : null,
          unitCode: full || recorded ? r.unit_code : null, handedOver: full || recorded ? r.handed_over_from_unit_path !== null : null,
        });
        const parent = r.source_case_id ? `case-${r.source_case_id}`
          : r.sk_status === 'promoted' && r.sk_promoted_case_id ? `case-${r.sk_promoted_case_id}` : `contact-${r.source_contact_id}`;
        edges.push({ from: parent, to: `contact-${r.id}`, kind: 'contact' });
      }
    }
    want -= take;
    skip = 0;
  }

  if (seen.cases.length || seen.contacts.length) {
    await recordAudit(db, actor, {
      action: 'read', entity: 'chain', entityId: ref, unitCode: auth.user.unitCode,
      changes: { offset: q.offset, limit: q.limit, cases: seen.cases, contacts: seen.contacts },
    });
  }
  const returned = nodes.length;
  const truncated = q.offset + returned < counts.total;
  return {
    root: { kind: root.kind, id: root.id, name: root.kind === 'cluster' ? root.name : null },
    counts, nodes, edges, offset: q.offset, limit: q.limit, truncated, nextOffset: truncated ? q.offset + returned : null,
  };
}
