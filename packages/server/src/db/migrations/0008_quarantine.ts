import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // A centralized quarantine facility, often run by the district military command (seed 004).
  await idColumn(db, db.schema.createTable('quarantine_facilities'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('address', 'varchar(300)')
    .addColumn('rooms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('operator', 'varchar(200)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('overload_pct', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'quarantine_facilities_unit_path_idx', 'quarantine_facilities');

  // Beds belong to areas; a facility's capacity is the sum, so F1, F2 and arrivals never share one.
  await idColumn(db, db.schema.createTable('quarantine_areas'))
    .addColumn('facility_id', 'integer', (c) => c.notNull().references('quarantine_facilities.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('beds', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quarantine_areas_facility_idx').on('quarantine_areas').column('facility_id').execute();

  // The unit is the person's: the commune follows its residents wherever they are quarantined.
  await idColumn(db, db.schema.createTable('quarantine_episodes'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('facility_id', 'integer', (c) => c.references('quarantine_facilities.id'))
    .addColumn('area_id', 'integer', (c) => c.references('quarantine_areas.id'))
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('rule_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('planned_end', 'varchar(10)', (c) => c.notNull())
    .addColumn('test_dates', 'varchar(500)', (c) => c.notNull())
    .addColumn('released_date', 'varchar(10)')
    .addColumn('released_by', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('obligation_id', 'integer', (c) => c.references('obligations.id'))
    // Seed 000 item 10: meals for people in hardship, summed up for the Fatherland Front.
    .addColumn('meal_support', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('meal_note', 'varchar(500)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('recorded_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'quarantine_episodes_unit_path_idx', 'quarantine_episodes');
  await db.schema.createIndex('quarantine_episodes_facility_idx').on('quarantine_episodes').columns(['facility_id', 'start_date']).execute();
  await db.schema.createIndex('quarantine_episodes_person_idx').on('quarantine_episodes').column('person_id').execute();
  // One quarantine at a time per person.
  await sql`CREATE UNIQUE INDEX quarantine_episodes_one_active_idx ON quarantine_episodes (person_id) WHERE status = 'active'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['quarantine_episodes', 'quarantine_areas', 'quarantine_facilities']) await db.schema.dropTable(t).execute();
}
