import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.js';

/**
 * Every column anywhere that points at a person. Merging two records of one person repoints them
 * all, so later modules (declarations, cases, visits…) add their columns here.
 */
const PERSON_REFERENCES: { table: string; column: string }[] = [
  { table: 'households', column: 'head_person_id' },
];

export function registerPersonReference(table: string, column: string): void {
  if (!PERSON_REFERENCES.some((r) => r.table === table && r.column === column)) PERSON_REFERENCES.push({ table, column });
}

export async function repointPersonReferences(db: DbOrTrx, fromId: number, toId: number): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const { table, column } of PERSON_REFERENCES) {
    const r = await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${toId} where ${sql.ref(column)} = ${fromId}`.execute(db);
    moved[`${table}.${column}`] = Number(r.numAffectedRows ?? 0);
  }
  return moved;
}
