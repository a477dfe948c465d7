import type { Kysely } from 'kysely';
import { householdSearchText } from '@pcd/core';

/** Household names carry diacritics ("Khu trọ Hòa Bình"); search needs them folded, as people's names already are. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('households').addColumn('search_folded', 'varchar(700)').execute();
  const rows = await db.selectFrom('households').select(['id', 'code', 'name', 'address']).execute();
  for (const r of rows) {
    await db.updateTable('households').set({ search_folded: householdSearchText(r) }).where('id', '=', r.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('households').dropColumn('search_folded').execute();
}
