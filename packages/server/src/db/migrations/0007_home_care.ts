import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // A community care team (tổ chăm sóc người nhiễm COVID-19 cộng đồng) of a commune. The leader is a
  // health worker: a user with the health role, or a person the commune declares to be one.
  await idColumn(db, db.schema.createTable('care_teams'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('leader_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('leader_health_worker', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone', 'varchar(20)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'care_teams_unit_path_idx', 'care_teams');

  await db.schema.createTable('care_team_members')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('care_teams.id'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .execute();
  await db.schema.createIndex('care_team_members_team_idx').on('care_team_members').column('team_id').execute();

  // One team looks after a case at a time.
  await db.schema.createTable('care_team_cases')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('care_teams.id'))
    .execute();
  await db.schema.createIndex('care_team_cases_team_idx').on('care_team_cases').column('team_id').execute();

  await idColumn(db, db.schema.createTable('care_checkins'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('temperature', 'real')
    .addColumn('spo2', 'integer')
    .addColumn('pulse', 'integer')
    .addColumn('respiratory_rate', 'integer')
    .addColumn('systolic', 'integer')
    .addColumn('symptoms', 'varchar(1000)', (c) => c.notNull())
    .addColumn('medicines', 'varchar(1000)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_checkins_case_idx').on('care_checkins').columns(['case_id', 'at']).execute();

  // Stays on the board (closed_at null) until someone acknowledges it and says what was done.
  await idColumn(db, db.schema.createTable('care_alerts'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('checkin_id', 'integer', (c) => c.notNull().references('care_checkins.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('signs', 'varchar(500)', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'varchar(32)')
    .addColumn('action', 'varchar(16)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await pathIndex(db, 'care_alerts_unit_path_idx', 'care_alerts');
  await db.schema.createIndex('care_alerts_case_idx').on('care_alerts').columns(['case_id', 'closed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['care_alerts', 'care_checkins', 'care_team_cases', 'care_team_members', 'care_teams']) await db.schema.dropTable(t).execute();
}
