import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // A cluster may span communes (a market, a factory), so it belongs to the unit that declared it.
  await idColumn(db, db.schema.createTable('clusters'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(200)', (c) => c.notNull())
    .addColumn('setting', 'varchar(24)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('first_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'clusters_unit_path_idx', 'clusters');

  // The unit is where the case is managed (usually where the person lives); care_place and severity
  // repeat the open row of case_care_places so lists filter without a join.
  await idColumn(db, db.schema.createTable('cases'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('test_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('test_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('lab', 'varchar(200)')
    .addColumn('detected_in', 'varchar(16)', (c) => c.notNull())
    .addColumn('onset_date', 'varchar(10)')
    .addColumn('severity', 'varchar(16)', (c) => c.notNull())
    .addColumn('comorbidities', 'varchar(1000)', (c) => c.notNull())
    .addColumn('comorbidity_stable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pregnant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vaccination_doses', 'integer')
    .addColumn('spo2', 'integer')
    .addColumn('respiratory_rate', 'integer')
    .addColumn('care_place', 'varchar(24)', (c) => c.notNull())
    .addColumn('care_facility', 'varchar(200)')
    .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
    .addColumn('source_case_id', 'integer', (c) => c.references('cases.id'))
    // The contact record this case was promoted from (F1 or F2 who tested positive).
    .addColumn('from_contact_id', 'integer')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('discharge_date', 'varchar(10)')
    .addColumn('discharge_test_type', 'varchar(16)')
    .addColumn('discharge_test_date', 'varchar(10)')
    .addColumn('discharge_test_result', 'varchar(24)')
    .addColumn('death_date', 'varchar(10)')
    .addColumn('death_place', 'varchar(16)')
    .addColumn('death_cause', 'varchar(500)')
    .addColumn('transfer_date', 'varchar(10)')
    .addColumn('transfer_to', 'varchar(300)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('recorded_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'cases_unit_path_idx', 'cases');
  // One active episode per person, also when two offices record the same positive test at once.
  await sql`CREATE UNIQUE INDEX cases_one_active_idx ON cases (person_id) WHERE status = 'active'`.execute(db);
  await db.schema.createIndex('cases_person_idx').on('cases').column('person_id').execute();
  await db.schema.createIndex('cases_test_date_idx').on('cases').column('test_date').execute();
  await db.schema.createIndex('cases_cluster_idx').on('cases').column('cluster_id').execute();
  await db.schema.createIndex('cases_source_idx').on('cases').column('source_case_id').execute();

  // Where the case was cared for, period by period [from_date, to_date); the severity is the one
  // recorded for the period, so daily counts of severe cases come from history, not today's value.
  await idColumn(db, db.schema.createTable('case_care_places'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('place', 'varchar(24)', (c) => c.notNull())
    .addColumn('facility_name', 'varchar(200)')
    .addColumn('severity', 'varchar(16)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    .addColumn('reason', 'varchar(500)')
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_care_places_case_idx').on('case_care_places').columns(['case_id', 'from_date']).execute();
  await db.schema.createIndex('case_care_places_dates_idx').on('case_care_places').columns(['from_date', 'to_date']).execute();

  // unit_* is the contact's own village or commune (it follows the contact up, "handed over" when it
  // differs from the source's commune); recorded_unit_* is the unit of the source case or contact,
  // which keeps sight of the contact it recorded. entered_person is what the recorder typed.
  await idColumn(db, db.schema.createTable('contacts'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('level', 'varchar(4)', (c) => c.notNull())
    .addColumn('source_case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('source_contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
    .addColumn('relation', 'varchar(16)', (c) => c.notNull())
    .addColumn('last_exposure_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('setting', 'varchar(300)')
    .addColumn('vaccination_doses', 'integer')
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('recorded_unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('recorded_unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('handed_over_from_unit_path', 'varchar(400)')
    .addColumn('handed_over_at', 'varchar(32)')
    .addColumn('entered_person', 'varchar(2000)')
    .addColumn('entered_name_folded', 'varchar(120)')
    .addColumn('obligation_id', 'integer', (c) => c.references('obligations.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('promoted_case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('note', 'varchar(1000)')
    .addColumn('recorded_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'contacts_unit_path_idx', 'contacts');
  await pathIndex(db, 'contacts_recorded_unit_path_idx', 'contacts', 'recorded_unit_path');
  await db.schema.createIndex('contacts_source_case_idx').on('contacts').column('source_case_id').execute();
  await db.schema.createIndex('contacts_source_contact_idx').on('contacts').column('source_contact_id').execute();
  await db.schema.createIndex('contacts_cluster_idx').on('contacts').columns(['cluster_id', 'level']).execute();
  await db.schema.createIndex('contacts_person_idx').on('contacts').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['contacts', 'case_care_places', 'cases', 'clusters']) await db.schema.dropTable(t).execute();
}
