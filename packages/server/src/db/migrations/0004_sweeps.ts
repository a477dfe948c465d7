import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string) {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (unit_path text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column('unit_path').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // A sweep belongs to one commune; its villages, households and visits carry their own village path.
  await idColumn(db, db.schema.createTable('sweeps'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'sweeps_unit_path_idx', 'sweeps');

  await db.schema.createTable('sweep_villages')
    .addColumn('sweep_id', 'integer', (c) => c.notNull().references('sweeps.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addPrimaryKeyConstraint('sweep_villages_pk', ['sweep_id', 'unit_code'])
    .execute();
  await pathIndex(db, 'sweep_villages_unit_path_idx', 'sweep_villages');

  // One row per household in the sweep (taken when the sweep is created or re-split); member null = not yet assigned.
  await db.schema.createTable('sweep_assignments')
    .addColumn('sweep_id', 'integer', (c) => c.notNull().references('sweeps.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('member_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'varchar(32)')
    .addPrimaryKeyConstraint('sweep_assignments_pk', ['sweep_id', 'household_id'])
    .execute();
  await db.schema.createIndex('sweep_assignments_member_idx').on('sweep_assignments').columns(['sweep_id', 'member_user_id']).execute();
  await pathIndex(db, 'sweep_assignments_unit_path_idx', 'sweep_assignments');

  await idColumn(db, db.schema.createTable('sweep_visits'))
    .addColumn('sweep_id', 'integer', (c) => c.notNull().references('sweeps.id'))
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('visited_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('visited_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('symptoms', 'varchar(400)')
    .addColumn('follow_up_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'varchar(1000)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sweep_visits_household_idx').on('sweep_visits').columns(['sweep_id', 'household_id']).execute();
  await pathIndex(db, 'sweep_visits_unit_path_idx', 'sweep_visits');

  // Who a visit saw: present and absent members and new arrivals, as rows so that a merge of two people repoints them.
  await idColumn(db, db.schema.createTable('sweep_visit_people'))
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('sweep_visits.id'))
    .addColumn('sweep_id', 'integer', (c) => c.notNull().references('sweeps.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_person', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin_unit_code', 'varchar(32)')
    .addColumn('origin_text', 'varchar(400)')
    .addColumn('arrival_date', 'varchar(10)')
    .execute();
  await db.schema.createIndex('sweep_visit_people_visit_idx').on('sweep_visit_people').column('visit_id').execute();
  await db.schema.createIndex('sweep_visit_people_sweep_idx').on('sweep_visit_people').columns(['sweep_id', 'role']).execute();
  await db.schema.createIndex('sweep_visit_people_person_idx').on('sweep_visit_people').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['sweep_visit_people', 'sweep_visits', 'sweep_assignments', 'sweep_villages', 'sweeps']) await db.schema.dropTable(t).execute();
}
