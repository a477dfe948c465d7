import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // A lockdown over villages, households or a list of addresses ("Khu phố 13, chợ Liên Hương", seed 001).
  await idColumn(db, db.schema.createTable('lockdown_zones'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('village_codes', 'varchar(2000)', (c) => c.notNull())
    .addColumn('household_ids', 'varchar(4000)', (c) => c.notNull())
    .addColumn('addresses', 'varchar(4000)')
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'lockdown_zones_unit_path_idx', 'lockdown_zones');

  await idColumn(db, db.schema.createTable('lockdown_rounds'))
    .addColumn('zone_id', 'integer', (c) => c.notNull().references('lockdown_zones.id'))
    .addColumn('round_no', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('residents', 'integer', (c) => c.notNull())
    .addColumn('tested', 'integer', (c) => c.notNull())
    .addColumn('positives', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('lockdown_rounds_zone_round_uq', ['zone_id', 'round_no'])
    .execute();

  // The unit is the child's: the commune that supports the child reports it.
  await idColumn(db, db.schema.createTable('orphans'))
    .addColumn('child_person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('relation', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('support_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('support_notes', 'varchar(1000)')
    .addColumn('recorded_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('orphans_child_case_uq', ['child_person_id', 'case_id'])
    .execute();
  await pathIndex(db, 'orphans_unit_path_idx', 'orphans');
  await db.schema.createIndex('orphans_case_idx').on('orphans').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['orphans', 'lockdown_rounds', 'lockdown_zones']) await db.schema.dropTable(t).execute();
}
