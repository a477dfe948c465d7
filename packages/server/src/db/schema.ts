import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings and flags 0/1 integers on both engines, so rows read alike. */
export interface UnitsTable {
  code: string;
  name: string;
  name_folded: string;
  kind: string;
  tier: string;
  parent_code: string | null;
  path: string;
  depth: number;
  pop_0_11: Generated<number>;
  pop_12_17: Generated<number>;
  pop_18_49: Generated<number>;
  pop_50_64: Generated<number>;
  pop_65_plus: Generated<number>;
  pop_total: Generated<number>;
  /** 'own' figures entered for this unit, 'sum' of its children, 'none' unknown. */
  pop_source: Generated<string>;
  pop_is_demo: Generated<number>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  full_name: string;
  full_name_folded: string;
  role: string;
  unit_code: string | null;
  disabled: number;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserUnitsTable {
  user_id: number;
  unit_code: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_code: string | null;
  unit_path: string | null;
  changes: string | null;
  ip: string | null;
}

export interface HouseholdsTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: string;
  /** 'family' or 'boarding_house' (nhà trọ, khu trọ công nhân). */
  kind: string;
  code: string | null;
  name: string | null;
  address: string;
  head_person_id: number | null;
  landlord_name: string | null;
  landlord_phone: string | null;
  capacity: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  full_name: string;
  name_folded: string;
  date_of_birth: string | null;
  birth_year: number | null;
  sex: string | null;
  id_number: string | null;
  phone: string | null;
  ethnicity: string | null;
  occupation: string | null;
  unit_code: string;
  unit_path: string;
  address: string | null;
  household_id: number | null;
  residence_status: string;
  residence_from: string | null;
  residence_to: string | null;
  comorbidity: Generated<number>;
  pregnant: Generated<number>;
  elderly_alone: Generated<number>;
  merged_into: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PersonDuplicatesTable {
  id: Generated<number>;
  person_id: number;
  other_id: number;
  unit_path: string;
  reason: string;
  status: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  user_id: number;
  status: string;
  total: Generated<number>;
  processed: Generated<number>;
  result: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  user_units: UserUnitsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  households: HouseholdsTable;
  people: PeopleTable;
  person_duplicates: PersonDuplicatesTable;
  jobs: JobsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type PersonRow = Selectable<PeopleTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
