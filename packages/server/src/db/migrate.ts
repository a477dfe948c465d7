import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_people.js';
import * as m0003 from './migrations/0003_arrivals.js';
import * as m0004 from './migrations/0004_sweeps.js';
import * as m0005 from './migrations/0005_cases.js';
import * as m0006 from './migrations/0006_household_search.js';
import * as m0007 from './migrations/0007_home_care.js';
import * as m0008 from './migrations/0008_quarantine.js';
import * as m0009 from './migrations/0009_lockdown_orphans.js';
import * as m0010 from './migrations/0010_vaccination.js';
import * as m0011 from './migrations/0011_testing.js';
import * as m0012 from './migrations/0012_vaccination_field.js';
import * as m0013 from './migrations/0013_rule_settings.js';
import * as m0014 from './migrations/0014_people_birth_match.js';

/** Migrations are listed in code so that the built package needs no directory scan. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_people': m0002,
  '0003_arrivals': m0003,
  '0004_sweeps': m0004,
  '0005_cases': m0005,
  '0006_household_search': m0006,
  '0007_home_care': m0007,
  '0008_quarantine': m0008,
  '0009_lockdown_orphans': m0009,
  '0010_vaccination': m0010,
  '0011_testing': m0011,
  '0012_vaccination_field': m0012,
  '0013_rule_settings': m0013,
  '0014_people_birth_match': m0014,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'pcd_migrations', migrationLockTableName: 'pcd_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
