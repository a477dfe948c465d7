import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A province's or district's own values for a medical rule set, as a JSON object holding only what
  // it changes; what it leaves out comes from the unit above it, then the national default in code.
  await idColumn(db, db.schema.createTable('rule_settings'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('rule_key', 'varchar(32)', (c) => c.notNull())
    .addColumn('overrides', 'varchar(4000)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('rule_settings_unit_key_uq', ['unit_code', 'rule_key'])
    .execute();
  if (isPostgres(db)) await sql.raw('CREATE INDEX rule_settings_key_path_idx ON rule_settings (rule_key, unit_path text_pattern_ops)').execute(db);
  else await db.schema.createIndex('rule_settings_key_path_idx').on('rule_settings').columns(['rule_key', 'unit_path']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rule_settings').execute();
}
