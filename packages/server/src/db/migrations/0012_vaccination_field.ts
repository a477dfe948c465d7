import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

async function pathIndex(db: Kysely<any>, name: string, table: string, column = 'unit_path') {
  if (isPostgres(db)) await sql.raw(`CREATE INDEX ${name} ON ${table} (${column} text_pattern_ops)`).execute(db);
  else await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // Why a person is still without a dose, and who goes to their door. One record per person and
  // measure: a refusal of the first dose shows in every group list the person falls in. Scope follows
  // the person's current unit, as the doses do.
  await idColumn(db, db.schema.createTable('vaccination_followups'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('measure', 'varchar(16)', (c) => c.notNull())
    .addColumn('group_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('reason', 'varchar(32)')
    .addColumn('responsible_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'varchar(1000)')
    .addColumn('updated_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('vaccination_followups_person_measure_uq', ['person_id', 'measure'])
    .execute();

  await idColumn(db, db.schema.createTable('vaccination_mobile_teams'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('leader_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('leader_phone', 'varchar(20)')
    // Doctors, nurses, militia lent for the day: rarely users of PCD, so kept as text.
    .addColumn('members', 'varchar(2000)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'vaccination_mobile_teams_unit_path_idx', 'vaccination_mobile_teams');

  // A session is held at a place (a village's cultural house, a market) and draws on its team's stock.
  await idColumn(db, db.schema.createTable('vaccination_sessions'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('vaccination_mobile_teams.id'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('place', 'varchar(300)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'vaccination_sessions_unit_path_idx', 'vaccination_sessions');
  await db.schema.createIndex('vaccination_sessions_team_idx').on('vaccination_sessions').columns(['team_id', 'date']).execute();

  await db.schema.createTable('vaccination_session_doses')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('vaccination_sessions.id'))
    .addColumn('product_code', 'varchar(32)', (c) => c.notNull().references('vaccine_products.code'))
    .addColumn('given', 'integer', (c) => c.notNull())
    .addColumn('wasted', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('vaccination_session_doses_pk', ['session_id', 'product_code'])
    .execute();

  // Allocation requests go from a unit to the unit directly above it.
  await idColumn(db, db.schema.createTable('vaccine_allocation_requests'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('parent_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('product_code', 'varchar(32)', (c) => c.notNull().references('vaccine_products.code'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('approved_quantity', 'integer')
    .addColumn('group_code', 'varchar(32)', (c) => c.notNull())
    .addColumn('measure', 'varchar(16)', (c) => c.notNull())
    // The figures the request rested on when it was made, kept as they were (JSON).
    .addColumn('justification', 'varchar(2000)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decision_note', 'varchar(1000)')
    .addColumn('requested_by', 'integer')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('delivered_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await pathIndex(db, 'vaccine_allocation_requests_unit_path_idx', 'vaccine_allocation_requests');

  await idColumn(db, db.schema.createTable('vaccine_stock_movements'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('product_code', 'varchar(32)', (c) => c.notNull().references('vaccine_products.code'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('counterpart_unit_code', 'varchar(32)', (c) => c.references('units.code'))
    .addColumn('counterpart', 'varchar(200)')
    .addColumn('lot', 'varchar(64)')
    .addColumn('session_id', 'integer', (c) => c.references('vaccination_sessions.id'))
    .addColumn('allocation_request_id', 'integer', (c) => c.references('vaccine_allocation_requests.id'))
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vaccine_stock_movements_unit_idx').on('vaccine_stock_movements').columns(['unit_code', 'product_code']).execute();

  // The running balance per unit and product: an outflow is one conditional update
  // (balance >= quantity), so two concurrent outflows cannot both pass on either engine.
  await db.schema.createTable('vaccine_stock')
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addColumn('product_code', 'varchar(32)', (c) => c.notNull().references('vaccine_products.code'))
    .addColumn('unit_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull().check(sql`balance >= 0`))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('vaccine_stock_pk', ['unit_code', 'product_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vaccine_stock', 'vaccine_stock_movements', 'vaccine_allocation_requests', 'vaccination_session_doses', 'vaccination_sessions', 'vaccination_mobile_teams', 'vaccination_followups']) {
    await db.schema.dropTable(t).execute();
  }
}
