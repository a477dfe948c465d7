import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // head_person_id has no foreign key: households and people point at each other.
  await idColumn(db, db.schema.createTable('households'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(40)')
    .addColumn('name', 'varchar(200)')
    .addColumn('address', 'varchar(300)', (c) => c.notNull())
    .addColumn('head_person_id', 'integer')
    .addColumn('landlord_name', 'varchar(120)')
    .addColumn('landlord_phone', 'varchar(10)')
    .addColumn('capacity', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'households_unit_path_idx', 'households');
  await db.schema.createIndex('households_unit_code_idx').on('households').columns(['unit_code', 'code']).execute();

  await idColumn(db, db.schema.createTable('people'))
    .addColumn('full_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(120)', (c) => c.notNull())
    .addColumn('date_of_birth', 'varchar(10)')
    .addColumn('birth_year', 'integer')
    .addColumn('sex', 'varchar(8)')
    .addColumn('id_number', 'varchar(12)', (c) => c.unique())
    .addColumn('phone', 'varchar(10)')
    .addColumn('ethnicity', 'varchar(60)')
    .addColumn('occupation', 'varchar(200)')
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('address', 'varchar(300)')
    .addColumn('household_id', 'integer', (c) => c.references('households.id'))
    .addColumn('residence_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('residence_from', 'varchar(10)')
    .addColumn('residence_to', 'varchar(10)')
    .addColumn('comorbidity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pregnant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elderly_alone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'people_unit_path_idx', 'people');
  await db.schema.createIndex('people_name_idx').on('people').columns(['name_folded', 'unit_code']).execute();
  await db.schema.createIndex('people_phone_idx').on('people').column('phone').execute();
  await db.schema.createIndex('people_household_idx').on('people').column('household_id').execute();

  await idColumn(db, db.schema.createTable('person_duplicates'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('other_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'integer')
    .execute();
  await pathIndex(db, 'person_duplicates_unit_path_idx', 'person_duplicates');

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['jobs', 'person_duplicates', 'people', 'households']) await db.schema.dropTable(t).execute();
}
