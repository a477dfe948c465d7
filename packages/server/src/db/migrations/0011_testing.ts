import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await idColumn(db, db.schema.createTable('testing_campaigns'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(24)', (c) => c.notNull())
    .addColumn('place_type', 'varchar(24)')
    .addColumn('place_name', 'varchar(300)')
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    // Either a count to reach or a list of people (testing_campaign_targets); coverage uses whichever is set.
    .addColumn('target_count', 'integer')
    .addColumn('pool_size', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'testing_campaigns_unit_path_idx', 'testing_campaigns');

  await idColumn(db, db.schema.createTable('testing_campaign_targets'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('testing_campaigns.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addUniqueConstraint('testing_campaign_targets_uq', ['campaign_id', 'person_id'])
    .execute();

  // A sample's unit is where its people live (their common unit), so stats per village follow residents.
  await idColumn(db, db.schema.createTable('test_samples'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('testing_campaigns.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('test_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('pooled', 'integer', (c) => c.notNull())
    .addColumn('pool_size', 'integer', (c) => c.notNull())
    .addColumn('parent_sample_id', 'integer', (c) => c.references('test_samples.id'))
    .addColumn('collector', 'varchar(200)')
    .addColumn('lab', 'varchar(200)')
    .addColumn('collected_at', 'varchar(32)', (c) => c.notNull())
    // The Vietnam calendar day of collection, so daily figures group without time-zone arithmetic in SQL.
    .addColumn('collected_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(16)', (c) => c.notNull())
    .addColumn('result_at', 'varchar(32)')
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('recorded_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'test_samples_unit_path_idx', 'test_samples');
  await db.schema.createIndex('test_samples_campaign_idx').on('test_samples').column('campaign_id').execute();
  await db.schema.createIndex('test_samples_parent_idx').on('test_samples').column('parent_sample_id').execute();
  await db.schema.createIndex('test_samples_date_idx').on('test_samples').column('collected_date').execute();

  await idColumn(db, db.schema.createTable('test_sample_members'))
    .addColumn('sample_id', 'integer', (c) => c.notNull().references('test_samples.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addUniqueConstraint('test_sample_members_uq', ['sample_id', 'person_id'])
    .execute();
  await db.schema.createIndex('test_sample_members_person_idx').on('test_sample_members').column('person_id').execute();

  // Seed 000 item 6: firms screen their own workers and report the counts for oversight.
  await idColumn(db, db.schema.createTable('firm_test_reports'))
    .addColumn('firm_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('report_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('workers_tested', 'integer', (c) => c.notNull())
    .addColumn('positives', 'integer', (c) => c.notNull())
    .addColumn('test_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('reported_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'firm_test_reports_unit_path_idx', 'firm_test_reports');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['firm_test_reports', 'test_sample_members', 'test_samples', 'testing_campaign_targets', 'testing_campaigns']) await db.schema.dropTable(t).execute();
}
