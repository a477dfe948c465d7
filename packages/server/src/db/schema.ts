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
  /** Code, name and address folded (no diacritics, lower case), for search. */
  search_folded: string | null;
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

export interface SweepsTable {
  id: Generated<number>;
  name: string;
  /** The commune the sweep runs in. */
  unit_code: string;
  unit_path: string;
  from_date: string;
  to_date: string;
  /** planned | active | closed */
  status: string;
  note: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SweepVillagesTable {
  sweep_id: number;
  unit_code: string;
  unit_path: string;
}

export interface SweepAssignmentsTable {
  sweep_id: number;
  household_id: number;
  /** The household's village when it joined the sweep. */
  unit_code: string;
  unit_path: string;
  member_user_id: number | null;
  assigned_at: string | null;
}

export interface SweepVisitsTable {
  id: Generated<number>;
  sweep_id: number;
  household_id: number;
  unit_code: string;
  unit_path: string;
  visited_at: string;
  visited_by: number;
  outcome: string;
  /** JSON array of symptom codes. */
  symptoms: string | null;
  follow_up_created: Generated<number>;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SweepVisitPeopleTable {
  id: Generated<number>;
  visit_id: number;
  sweep_id: number;
  person_id: number;
  /** present | absent | arrival */
  role: string;
  created_person: Generated<number>;
  origin_unit_code: string | null;
  origin_text: string | null;
  arrival_date: string | null;
}

export interface EpidemicZonesTable {
  id: Generated<number>;
  /** Any unit of the national list (province, district or commune), loaded in `units` or not. */
  unit_code: string;
  unit_name: string;
  unit_tier: string;
  from_date: string;
  to_date: string | null;
  note: string | null;
  /** The unit whose list this is: the zone applies to arrivals into it. Null: the national list. */
  declared_by_code: string | null;
  declared_by_path: string | null;
  declared_by_user: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ObligationRulesTable {
  id: Generated<number>;
  name: string;
  /** Where the rule applies (the nearest rule above a destination wins); null: the national default. */
  unit_code: string | null;
  unit_path: string | null;
  quarantine_days: number;
  /** JSON array of day numbers, day 1 being the arrival day. */
  test_days: string;
  active: Generated<number>;
  created_by: number | null;
  replaced_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DeclarationsTable {
  id: Generated<number>;
  receipt_code: string;
  person_id: number;
  full_name: string;
  name_folded: string;
  date_of_birth: string | null;
  birth_year: number | null;
  id_number: string | null;
  phone: string | null;
  /** Any official code of the national list. */
  from_unit_code: string;
  from_unit_name: string;
  /** 1 when the origin was in an epidemic zone on the arrival date. */
  from_zone: number;
  zone_id: number | null;
  arrival_date: string;
  /** The commune or village of the managed area the person goes to. */
  to_unit_code: string;
  to_unit_path: string;
  address: string;
  transport: string;
  /** JSON array of symptom codes. */
  symptoms: string;
  vaccination_doses: number;
  /** public | checkpoint | staff */
  source: string;
  checkpoint_id: number | null;
  recorded_by: number | null;
  created_at: string;
}

export interface ObligationsTable {
  id: Generated<number>;
  person_id: number;
  declaration_id: number | null;
  unit_code: string;
  unit_path: string;
  kind: string;
  rule_id: number | null;
  /** JSON of the rule when the follow-up started. */
  rule_snapshot: string;
  start_date: string;
  end_date: string;
  /** JSON array of {day,date,doneOn,result}. */
  tests: string;
  /** Earliest outstanding date while open, for the work list. */
  next_due_date: string | null;
  /** open | done | cancelled */
  status: string;
  completed_at: string | null;
  note: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CheckpointsTable {
  id: Generated<number>;
  name: string;
  /** checkpoint | declaration_point | border_post */
  kind: string;
  unit_code: string;
  unit_path: string;
  location: string | null;
  lat: number | null;
  lng: number | null;
  /** Opens the public declaration form (QR code): /khai-bao/<token>. */
  public_token: string;
  staff_on_duty: string | null;
  active: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CheckpointPassagesTable {
  id: Generated<number>;
  checkpoint_id: number;
  unit_path: string;
  /** in | out */
  direction: string;
  at: string;
  /** Vietnam calendar day of `at`. */
  day: string;
  vehicle_plate: string | null;
  person_count: Generated<number>;
  note: string | null;
  recorded_by: number | null;
  created_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface ClustersTable {
  id: Generated<number>;
  name: string;
  name_folded: string;
  /** market | workplace | household | school | boarding_house | healthcare | event | community | other */
  setting: string;
  unit_code: string;
  unit_path: string;
  first_date: string;
  note: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CasesTable {
  id: Generated<number>;
  person_id: number;
  /** Where the case is managed. */
  unit_code: string;
  unit_path: string;
  /** rt_pcr | rapid_antigen */
  test_type: string;
  test_date: string;
  lab: string | null;
  /** community | quarantine | lockdown */
  detected_in: string;
  onset_date: string | null;
  /** asymptomatic | mild | moderate | severe | critical (that of the open care period) */
  severity: string;
  /** JSON array of short descriptions. */
  comorbidities: string;
  comorbidity_stable: Generated<number>;
  pregnant: Generated<number>;
  vaccination_doses: number | null;
  spo2: number | null;
  respiratory_rate: number | null;
  /** The open care period's place. */
  care_place: string;
  care_facility: string | null;
  cluster_id: number | null;
  source_case_id: number | null;
  from_contact_id: number | null;
  /** active | recovered | died | transferred_out */
  status: string;
  discharge_date: string | null;
  discharge_test_type: string | null;
  discharge_test_date: string | null;
  discharge_test_result: string | null;
  death_date: string | null;
  death_place: string | null;
  death_cause: string | null;
  transfer_date: string | null;
  transfer_to: string | null;
  note: string | null;
  recorded_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CaseCarePlacesTable {
  id: Generated<number>;
  case_id: number;
  place: string;
  facility_name: string | null;
  severity: string;
  from_date: string;
  /** Exclusive; null while the case is still there. */
  to_date: string | null;
  reason: string | null;
  recorded_by: number | null;
  created_at: string;
}

export interface ContactsTable {
  id: Generated<number>;
  person_id: number;
  /** F1 | F2 */
  level: string;
  source_case_id: number | null;
  source_contact_id: number | null;
  cluster_id: number | null;
  relation: string;
  last_exposure_date: string;
  setting: string | null;
  vaccination_doses: number | null;
  /** The contact's own village or commune, which follows the contact up. */
  unit_code: string;
  unit_path: string;
  /** The unit of the source case or contact, which recorded it. */
  recorded_unit_code: string;
  recorded_unit_path: string;
  /** The recording commune when the contact lives in another one. */
  handed_over_from_unit_path: string | null;
  handed_over_at: string | null;
  /** JSON of the person fields the recorder typed (all it sees of a person handed over). */
  entered_person: string | null;
  entered_name_folded: string | null;
  obligation_id: number | null;
  /** monitoring | released | promoted | cancelled */
  status: string;
  promoted_case_id: number | null;
  note: string | null;
  recorded_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CareTeamsTable {
  id: Generated<number>;
  name: string;
  unit_code: string;
  unit_path: string;
  leader_user_id: number | null;
  leader_person_id: number | null;
  leader_health_worker: number;
  phone: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CareTeamMembersTable {
  team_id: number;
  user_id: number | null;
  person_id: number | null;
}

export interface CareTeamCasesTable {
  case_id: number;
  team_id: number;
}

export interface CareCheckinsTable {
  id: Generated<number>;
  case_id: number;
  at: string;
  temperature: number | null;
  spo2: number | null;
  pulse: number | null;
  respiratory_rate: number | null;
  systolic: number | null;
  /** JSON array of symptom codes. */
  symptoms: string;
  medicines: string | null;
  note: string | null;
  recorded_by: number | null;
  created_at: string;
}

export interface CareAlertsTable {
  id: Generated<number>;
  case_id: number;
  checkin_id: number;
  unit_code: string;
  unit_path: string;
  /** JSON array of warning-sign codes. */
  signs: string;
  opened_at: string;
  acknowledged_by: number | null;
  acknowledged_at: string | null;
  action: string | null;
  note: string | null;
  closed_at: string | null;
  version: number;
}

export interface QuarantineFacilitiesTable {
  id: Generated<number>;
  name: string;
  unit_code: string;
  unit_path: string;
  address: string | null;
  rooms: number;
  operator: string | null;
  status: string;
  overload_pct: number;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface QuarantineAreasTable {
  id: Generated<number>;
  facility_id: number;
  kind: string;
  name: string;
  beds: number;
}

export interface QuarantineEpisodesTable {
  id: Generated<number>;
  person_id: number;
  unit_code: string;
  unit_path: string;
  kind: string;
  facility_id: number | null;
  area_id: number | null;
  reason: string;
  rule_name: string;
  start_date: string;
  planned_end: string;
  /** JSON array of yyyy-mm-dd. */
  test_dates: string;
  released_date: string | null;
  released_by: number | null;
  status: string;
  contact_id: number | null;
  obligation_id: number | null;
  meal_support: number;
  meal_note: string | null;
  note: string | null;
  recorded_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LockdownZonesTable {
  id: Generated<number>;
  name: string;
  unit_code: string;
  unit_path: string;
  /** JSON arrays. */
  village_codes: string;
  household_ids: string;
  addresses: string | null;
  start_date: string;
  end_date: string | null;
  reason: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LockdownRoundsTable {
  id: Generated<number>;
  zone_id: number;
  round_no: number;
  date: string;
  residents: number;
  tested: number;
  positives: number;
  note: string | null;
  recorded_by: number | null;
  created_at: string;
}

export interface TestingCampaignsTable {
  id: Generated<number>;
  name: string;
  purpose: string;
  place_type: string | null;
  place_name: string | null;
  unit_code: string;
  unit_path: string;
  from_date: string;
  to_date: string | null;
  target_count: number | null;
  pool_size: number;
  status: string;
  note: string | null;
  created_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TestingCampaignTargetsTable {
  id: Generated<number>;
  campaign_id: number;
  person_id: number;
}

export interface TestSamplesTable {
  id: Generated<number>;
  campaign_id: number;
  unit_code: string;
  unit_path: string;
  test_type: string;
  pooled: number;
  pool_size: number;
  parent_sample_id: number | null;
  collector: string | null;
  lab: string | null;
  collected_at: string;
  collected_date: string;
  result: string;
  result_at: string | null;
  case_id: number | null;
  recorded_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TestSampleMembersTable {
  id: Generated<number>;
  sample_id: number;
  person_id: number;
}

export interface FirmTestReportsTable {
  id: Generated<number>;
  firm_name: string;
  unit_code: string;
  unit_path: string;
  report_date: string;
  workers_tested: number;
  positives: number;
  test_type: string;
  reported_by: string;
  note: string | null;
  recorded_by: number | null;
  created_at: string;
}

export interface OrphansTable {
  id: Generated<number>;
  child_person_id: number;
  case_id: number;
  relation: string;
  unit_code: string;
  unit_path: string;
  support_status: string;
  support_notes: string | null;
  recorded_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface VaccineProductsTable {
  code: string;
  name: string;
  primary_doses: number;
  min_interval_days: number;
  booster_min_days: number;
  active: Generated<number>;
  sort: Generated<number>;
  version: Generated<number>;
}

export interface VaccinationDosesTable {
  id: Generated<number>;
  person_id: number;
  product_code: string;
  lot: string | null;
  dose_number: number;
  /** 'primary' | 'booster' | 'additional' */
  kind: string;
  vaccinated_on: string;
  site: string | null;
  mobile_team_id: number | null;
  adverse_reaction: string | null;
  /** 'manual' | 'import' */
  source: string;
  import_job_id: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface VaccinationTargetsTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: string;
  group_code: string;
  measure: string;
  percent: number;
  deadline: string;
  note: string | null;
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface VaccinationFollowupsTable {
  id: Generated<number>;
  person_id: number;
  measure: string;
  /** The list the reason was recorded from; the reason shows in every group the person falls in. */
  group_code: string;
  reason: string | null;
  responsible_user_id: number | null;
  note: string | null;
  updated_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VaccinationMobileTeamsTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: string;
  name: string;
  leader_name: string;
  leader_user_id: number | null;
  leader_phone: string | null;
  members: string | null;
  active: Generated<number>;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VaccinationSessionsTable {
  id: Generated<number>;
  team_id: number;
  unit_code: string;
  unit_path: string;
  date: string;
  place: string;
  note: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface VaccinationSessionDosesTable {
  session_id: number;
  product_code: string;
  given: number;
  wasted: Generated<number>;
}

export interface VaccineStockMovementsTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: string;
  product_code: string;
  /** 'received' | 'allocated_out' | 'used' | 'wasted' | 'returned' */
  kind: string;
  quantity: number;
  date: string;
  counterpart_unit_code: string | null;
  counterpart: string | null;
  lot: string | null;
  session_id: number | null;
  allocation_request_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface VaccineStockTable {
  unit_code: string;
  product_code: string;
  unit_path: string;
  balance: number;
  updated_at: string;
}

export interface VaccineAllocationRequestsTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: string;
  parent_code: string;
  parent_path: string;
  product_code: string;
  quantity: number;
  approved_quantity: number | null;
  group_code: string;
  measure: string;
  /** JSON of the figures the request rested on when made. */
  justification: string;
  note: string | null;
  /** 'requested' | 'approved' | 'rejected' | 'delivered' */
  status: string;
  decision_note: string | null;
  requested_by: number | null;
  decided_by: number | null;
  decided_at: string | null;
  delivered_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface RuleSettingsTable {
  id: Generated<number>;
  unit_code: string;
  unit_path: string;
  /** One of RULE_KEYS. */
  rule_key: string;
  /** JSON object of the values the unit changes. */
  overrides: string;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: string;
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
  epidemic_zones: EpidemicZonesTable;
  obligation_rules: ObligationRulesTable;
  declarations: DeclarationsTable;
  obligations: ObligationsTable;
  checkpoints: CheckpointsTable;
  checkpoint_passages: CheckpointPassagesTable;
  rate_limits: RateLimitsTable;
  sweeps: SweepsTable;
  sweep_villages: SweepVillagesTable;
  sweep_assignments: SweepAssignmentsTable;
  sweep_visits: SweepVisitsTable;
  sweep_visit_people: SweepVisitPeopleTable;
  clusters: ClustersTable;
  cases: CasesTable;
  case_care_places: CaseCarePlacesTable;
  contacts: ContactsTable;
  care_teams: CareTeamsTable;
  care_team_members: CareTeamMembersTable;
  care_team_cases: CareTeamCasesTable;
  care_checkins: CareCheckinsTable;
  care_alerts: CareAlertsTable;
  quarantine_facilities: QuarantineFacilitiesTable;
  quarantine_areas: QuarantineAreasTable;
  quarantine_episodes: QuarantineEpisodesTable;
  lockdown_zones: LockdownZonesTable;
  lockdown_rounds: LockdownRoundsTable;
  orphans: OrphansTable;
  testing_campaigns: TestingCampaignsTable;
  testing_campaign_targets: TestingCampaignTargetsTable;
  test_samples: TestSamplesTable;
  test_sample_members: TestSampleMembersTable;
  firm_test_reports: FirmTestReportsTable;
  vaccine_products: VaccineProductsTable;
  vaccination_doses: VaccinationDosesTable;
  vaccination_targets: VaccinationTargetsTable;
  vaccination_followups: VaccinationFollowupsTable;
  vaccination_mobile_teams: VaccinationMobileTeamsTable;
  vaccination_sessions: VaccinationSessionsTable;
  vaccination_session_doses: VaccinationSessionDosesTable;
  vaccine_stock_movements: VaccineStockMovementsTable;
  vaccine_stock: VaccineStockTable;
  vaccine_allocation_requests: VaccineAllocationRequestsTable;
  rule_settings: RuleSettingsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type PersonRow = Selectable<PeopleTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type SweepRow = Selectable<SweepsTable>;
export type EpidemicZoneRow = Selectable<EpidemicZonesTable>;
export type ObligationRuleRow = Selectable<ObligationRulesTable>;
export type RuleSettingRow = Selectable<RuleSettingsTable>;
export type DeclarationRow = Selectable<DeclarationsTable>;
export type ObligationRow = Selectable<ObligationsTable>;
export type CheckpointRow = Selectable<CheckpointsTable>;
export type PassageRow = Selectable<CheckpointPassagesTable>;
export type ClusterRow = Selectable<ClustersTable>;
export type CaseRow = Selectable<CasesTable>;
export type CarePlaceRow = Selectable<CaseCarePlacesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type CareTeamRow = Selectable<CareTeamsTable>;
export type CareCheckinRow = Selectable<CareCheckinsTable>;
export type CareAlertRow = Selectable<CareAlertsTable>;
export type QuarantineFacilityRow = Selectable<QuarantineFacilitiesTable>;
export type QuarantineEpisodeRow = Selectable<QuarantineEpisodesTable>;
export type LockdownZoneRow = Selectable<LockdownZonesTable>;
export type OrphanRow = Selectable<OrphansTable>;
export type TestingCampaignRow = Selectable<TestingCampaignsTable>;
export type TestSampleRow = Selectable<TestSamplesTable>;
export type FirmTestReportRow = Selectable<FirmTestReportsTable>;
export type VaccineProductRow = Selectable<VaccineProductsTable>;
export type VaccinationDoseRow = Selectable<VaccinationDosesTable>;
export type VaccinationTargetRow = Selectable<VaccinationTargetsTable>;
