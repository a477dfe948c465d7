import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

/**
 * The default follow-up for an arrival from an epidemic zone. The 2021 directives this system follows
 * order it but give no duration: Bắc Yên (Sơn La, 08/2021) orders quarantine for people coming from
 * epidemic zones and that every one of them be found and put under medical management; Tuy Phong
 * (Bình Thuận, 30/11/2021) has F1 quarantined at home; Điện Biên district (Thông báo 01-TB/BCĐ,
 * 02/11/2021) sets up the declaration points at Hát Tao and Pu Lau. 7 days at home with a test on
 * day 1 and day 7 is only a starting value: a province or district sets the figures of its own
 * decision with PUT /api/v1/obligation-rules, and each follow-up keeps the rule it started under.
 */
const DEFAULT_RULE = { name: 'Cách ly tại nhà 7 ngày, xét nghiệm ngày 1 và ngày 7', quarantineDays: 7, testDays: [1, 7] };

export async function up(db: Kysely<any>): Promise<void> {
  // unit_code is not a foreign key: a zone may be any unit of the national list, loaded or not.
  await idColumn(db, db.schema.createTable('epidemic_zones'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('unit_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('unit_tier', 'varchar(16)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)')
    .addColumn('note', 'varchar(500)')
    // The unit whose list this is; the zone applies to arrivals into that unit. Null: national list.
    .addColumn('declared_by_code', 'varchar(32)')
    .addColumn('declared_by_path', 'varchar(400)')
    .addColumn('declared_by_user', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('epidemic_zones_unit_idx').on('epidemic_zones').columns(['unit_code', 'from_date']).execute();
  await pathIndex(db, 'epidemic_zones_declared_by_idx', 'epidemic_zones', 'declared_by_path');

  // One active rule per unit (null unit: the national default); replaced rules stay for the record.
  await idColumn(db, db.schema.createTable('obligation_rules'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.references('units.code'))
    .addColumn('unit_path', 'varchar(400)')
    .addColumn('quarantine_days', 'integer', (c) => c.notNull())
    .addColumn('test_days', 'varchar(200)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('replaced_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('obligation_rules_active_idx').on('obligation_rules').columns(['active', 'unit_code']).execute();

  await idColumn(db, db.schema.createTable('checkpoints'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('location', 'varchar(300)')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('public_token', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('staff_on_duty', 'varchar(1000)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'checkpoints_unit_path_idx', 'checkpoints');

  await idColumn(db, db.schema.createTable('checkpoint_passages'))
    .addColumn('checkpoint_id', 'integer', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('direction', 'varchar(8)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    // The Vietnam calendar day of `at`, so counts per day need no time-zone arithmetic in SQL.
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('vehicle_plate', 'varchar(12)')
    .addColumn('person_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'varchar(500)')
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoint_passages_day_idx').on('checkpoint_passages').columns(['checkpoint_id', 'day']).execute();

  // The declared identity is kept as declared, beside the person it was linked to.
  await idColumn(db, db.schema.createTable('declarations'))
    .addColumn('receipt_code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('full_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(120)', (c) => c.notNull())
    .addColumn('date_of_birth', 'varchar(10)')
    .addColumn('birth_year', 'integer')
    .addColumn('id_number', 'varchar(12)')
    .addColumn('phone', 'varchar(10)')
    .addColumn('from_unit_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_unit_name', 'varchar(300)', (c) => c.notNull())
    .addColumn('from_zone', 'integer', (c) => c.notNull())
    .addColumn('zone_id', 'integer', (c) => c.references('epidemic_zones.id'))
    .addColumn('arrival_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('to_unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('address', 'varchar(300)', (c) => c.notNull())
    .addColumn('transport', 'varchar(16)', (c) => c.notNull())
    .addColumn('symptoms', 'varchar(400)', (c) => c.notNull())
    .addColumn('vaccination_doses', 'integer', (c) => c.notNull())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('checkpoint_id', 'integer', (c) => c.references('checkpoints.id'))
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'declarations_to_unit_path_idx', 'declarations', 'to_unit_path');
  await db.schema.createIndex('declarations_arrival_idx').on('declarations').column('arrival_date').execute();
  await db.schema.createIndex('declarations_person_idx').on('declarations').column('person_id').execute();
  await db.schema.createIndex('declarations_name_idx').on('declarations').column('name_folded').execute();

  await idColumn(db, db.schema.createTable('obligations'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('declaration_id', 'integer', (c) => c.references('declarations.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('rule_id', 'integer', (c) => c.references('obligation_rules.id'))
    // The rule as it was when the follow-up started: a later rule change does not move its dates.
    .addColumn('rule_snapshot', 'varchar(1000)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('tests', 'varchar(2000)', (c) => c.notNull())
    .addColumn('next_due_date', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('note', 'varchar(500)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'obligations_unit_path_idx', 'obligations');
  await db.schema.createIndex('obligations_due_idx').on('obligations').columns(['status', 'next_due_date']).execute();
  await db.schema.createIndex('obligations_person_idx').on('obligations').column('person_id').execute();

  // Hits of public forms per address and window (the form needs no login, so it is limited here).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(120)', (c) => c.primaryKey())
    .addColumn('window_start', 'varchar(32)', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();

  const now = new Date().toISOString();
  await db.insertInto('obligation_rules').values({
    name: DEFAULT_RULE.name, unit_code: null, unit_path: null, quarantine_days: DEFAULT_RULE.quarantineDays, test_days: JSON.stringify(DEFAULT_RULE.testDays),
    active: 1, created_by: null, replaced_at: null, version: 1, created_at: now, updated_at: now,
  }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rate_limits', 'obligations', 'declarations', 'checkpoint_passages', 'checkpoints', 'obligation_rules', 'epidemic_zones']) await db.schema.dropTable(t).execute();
}
