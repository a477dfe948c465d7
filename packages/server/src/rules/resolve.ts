import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { RULE_SETS, buildRule, mergeRule, withContactRule, type QuarantineRules, type RuleKey, type RuleTypes, type RuleValues } from '@pcd/core';
import type { DbOrTrx } from '../db/database.js';
import type { RuleSettingRow } from '../db/schema.js';

/**
 * Which medical rule applies where. A province or district may set its own values for a rule set;
 * for a unit, each value comes from the nearest unit above it (itself included) that sets it, else
 * from the national default. Nothing is cached across requests: a change applies to the next one.
 * Work already planned (follow-ups, quarantine episodes) stored its figures when it began and keeps them.
 */

export interface ResolvedRule<K extends RuleKey> {
  key: K;
  values: RuleValues;
  /** For each value, the unit whose setting it comes from; null: the national default. */
  sources: Record<string, string | null>;
  rule: RuleTypes[K];
}

const lineage = (unitPath: string | null | undefined) => (unitPath ?? '').split('/').filter(Boolean);
const parseOverrides = (r: RuleSettingRow) => JSON.parse(r.overrides) as Partial<RuleValues>;

/** Lays the settings that cover a path, shallowest first, over the default. */
export function layer<K extends RuleKey>(key: K, rows: readonly RuleSettingRow[], unitPath: string | null): ResolvedRule<K> {
  let values = RULE_SETS[key].defaults;
  const sources: Record<string, string | null> = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
  const above = rows.filter((r) => r.rule_key === key && unitPath !== null && unitPath.startsWith(r.unit_path))
    .sort((a, b) => a.unit_path.length - b.unit_path.length);
  for (const r of above) {
    const o = parseOverrides(r);
    values = mergeRule(values, o);
    for (const k of Object.keys(o)) if (k in sources) sources[k] = r.unit_code;
  }
  return { key, values, sources, rule: buildRule(key, values) };
}

export async function settingsAbove(db: DbOrTrx, unitPath: string | null, keys: readonly RuleKey[]): Promise<RuleSettingRow[]> {
  const codes = lineage(unitPath);
  if (!codes.length || !keys.length) return [];
  return db.selectFrom('rule_settings').selectAll().where('rule_key', 'in', [...keys]).where('unit_code', 'in', codes).execute();
}

/** The rule set in force for a unit path (a case's, a contact's, a facility's). */
export async function resolveRule<K extends RuleKey>(db: DbOrTrx, unitPath: string | null, key: K): Promise<ResolvedRule<K>> {
  return layer(key, await settingsAbove(db, unitPath, [key]), unitPath);
}

/** Quarantine durations for a place, F1 taken from the contact follow-up rule of the same place. */
export async function quarantineRulesAt(db: DbOrTrx, unitPath: string | null): Promise<QuarantineRules> {
  const rows = await settingsAbove(db, unitPath, ['quarantine', 'contact_follow_up']);
  return withContactRule(layer('quarantine', rows, unitPath).rule, layer('contact_follow_up', rows, unitPath).rule);
}

/**
 * Every setting of one rule set, for lists that span many units: loaded once, then resolved in
 * memory for each row's path.
 */
export class RuleBook<K extends RuleKey> {
  private cache = new Map<string, RuleTypes[K]>();
  constructor(readonly key: K, readonly rows: readonly RuleSettingRow[]) {}

  static async load<K extends RuleKey>(db: DbOrTrx, key: K): Promise<RuleBook<K>> {
    return new RuleBook(key, await db.selectFrom('rule_settings').selectAll().where('rule_key', '=', key).execute());
  }

  forPath(unitPath: string): RuleTypes[K] {
    let rule = this.cache.get(unitPath);
    if (!rule) {
      rule = layer(this.key, this.rows, unitPath).rule;
      this.cache.set(unitPath, rule);
    }
    return rule;
  }

  /**
   * A where-clause that applies to each row the condition of the rule in force at its `ref` path:
   * one branch per unit with a setting (excluding the units below it that have their own), and one
   * for everywhere else under the default.
   */
  where(ref: string, cond: (rule: RuleTypes[K], eb: ExpressionBuilder<any, any>) => Expression<SqlBool>) {
    return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
      const col = eb.ref(ref);
      const paths = [...new Set(this.rows.map((r) => r.unit_path))];
      const branches = paths.map((p) => {
        const deeper = paths.filter((d) => d !== p && d.startsWith(p));
        return eb.and([eb(col, 'like', `${p}%`), ...deeper.map((d) => eb.not(eb(col, 'like', `${d}%`))), cond(this.forPath(p), eb)]);
      });
      const elsewhere = eb.and([...paths.map((p) => eb.not(eb(col, 'like', `${p}%`))), cond(layer(this.key, [], null).rule, eb)]);
      return branches.length ? eb.or([...branches, elsewhere]) : elsewhere;
    };
  }
}
