import type { Kysely } from 'kysely';

/**
 * Imports of dose records find people by folded name and date of birth. Common names ("Nguyễn Văn
 * Hùng") recur by the thousand in a district, so the date has to be in the index with the name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('people_name_birth_idx').on('people').columns(['name_folded', 'date_of_birth']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('people_name_birth_idx').execute();
}
