import { sql, type Kysely } from 'kysely';
import { VACCINE_PRODUCTS } from '@pcd/core';
import { idColumn, isPostgres } from './helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A managed list: admins add products or retire them, doses keep pointing at the code.
  await db.schema
    .createTable('vaccine_products')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('primary_doses', 'integer', (c) => c.notNull())
    .addColumn('min_interval_days', 'integer', (c) => c.notNull())
    .addColumn('booster_min_days', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Doses carry no unit: coverage and scope follow the person's current unit, so a move re-homes their doses.
  await idColumn(db, db.schema.createTable('vaccination_doses'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('product_code', 'varchar(32)', (c) => c.notNull().references('vaccine_products.code'))
    .addColumn('lot', 'varchar(64)')
    .addColumn('dose_number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('vaccinated_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('site', 'varchar(300)')
    .addColumn('mobile_team_id', 'integer')
    .addColumn('adverse_reaction', 'varchar(1000)')
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('import_job_id', 'varchar(64)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('vaccination_doses_person_dose_uq', ['person_id', 'dose_number'])
    .execute();
  await db.schema.createIndex('vaccination_doses_person_idx').on('vaccination_doses').column('person_id').execute();
  await db.schema.createIndex('vaccination_doses_date_idx').on('vaccination_doses').column('vaccinated_on').execute();

  await idColumn(db, db.schema.createTable('vaccination_targets'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('group_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('measure', 'varchar(16)', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  if (isPostgres(db)) await sql.raw('CREATE INDEX vaccination_targets_unit_path_idx ON vaccination_targets (unit_path text_pattern_ops)').execute(db);
  else await db.schema.createIndex('vaccination_targets_unit_path_idx').on('vaccination_targets').column('unit_path').execute();

  await db.insertInto('vaccine_products').values(VACCINE_PRODUCTS.map((p, i) => ({
    code: p.code, name: p.name, primary_doses: p.primaryDoses, min_interval_days: p.minIntervalDays, booster_min_days: p.boosterMinDays, active: 1, sort: (i + 1) * 10,
  }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vaccination_targets', 'vaccination_doses', 'vaccine_products']) await db.schema.dropTable(t).execute();
}
