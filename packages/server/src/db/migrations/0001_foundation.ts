import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from './helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('code', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_folded', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('tier', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(32)', (c) => c.references('units.code'))
    .addColumn('path', 'varchar(400)', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('pop_0_11', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pop_12_17', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pop_18_49', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pop_50_64', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pop_65_plus', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pop_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pop_source', 'varchar(8)', (c) => c.notNull().defaultTo('none'))
    .addColumn('pop_is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').column('parent_code').execute();
  // Subtree filters are `path LIKE '/12/111/%'`; PostgreSQL only uses a btree for that with text_pattern_ops.
  if (isPostgres(db)) {
    await sql`CREATE UNIQUE INDEX units_path_idx ON units (path text_pattern_ops)`.execute(db);
  } else {
    await db.schema.createIndex('units_path_idx').on('units').column('path').unique().execute();
  }
  await db.schema.createIndex('units_tier_idx').on('units').column('tier').execute();

  await idColumn(db, db.schema.createTable('users'))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('full_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('full_name_folded', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_code', 'varchar(32)', (c) => c.references('units.code'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'varchar(32)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_unit_idx').on('users').column('unit_code').execute();

  await db.schema
    .createTable('user_units')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('unit_code', 'varchar(32)', (c) => c.notNull().references('units.code'))
    .addPrimaryKeyConstraint('user_units_pk', ['user_id', 'unit_code'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(400)')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await idColumn(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .execute();

  await idColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'varchar(64)')
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity', 'varchar(32)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('unit_code', 'varchar(32)')
    .addColumn('unit_path', 'varchar(400)')
    .addColumn('changes', 'text')
    .addColumn('ip', 'varchar(64)')
    .execute();
  await db.schema.createIndex('audit_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  if (isPostgres(db)) {
    await sql`CREATE INDEX audit_unit_path_idx ON audit_log (unit_path text_pattern_ops)`.execute(db);
  } else {
    await db.schema.createIndex('audit_unit_path_idx').on('audit_log').column('unit_path').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_log', 'login_throttle', 'api_tokens', 'sessions', 'user_units', 'users', 'units']) {
    await db.schema.dropTable(t).execute();
  }
}
