import { RULE_KEYS, RULE_SETS, canManageZones, checkOverride, formatSetting, type RuleKey, type RuleValues, type SettingValue, type Tier } from '@pcd/core';
import type { Db, DbOrTrx } from '../db/database.js';
import type { RuleSettingRow, UnitRow } from '../db/schema.js';
import type { AuthContext } from '../auth/context.js';
import { recordAudit, type Actor } from '../audit/audit.js';
import { errors } from '../http/errors.js';
import { nowIso } from '../lib/time.js';
import { unitsRepo } from '../units/repository.js';
import { callerUnit } from '../arrivals/zones.js';
import { layer, settingsAbove } from './resolve.js';
import type { RuleSettingInput, RuleSettingsDto } from './model.js';

const unitNotFound = () => errors.notFound('Đơn vị hành chính', 'Administrative unit');

/** The unit asked for, inside the caller's jurisdiction; without one, the caller's own unit. */
async function unitOf(db: DbOrTrx, auth: AuthContext, code: string | undefined): Promise<UnitRow | null> {
  if (code) {
    const u = await unitsRepo.findVisible(db, auth.scope, code);
    if (!u) throw unitNotFound();
    return u;
  }
  if (!auth.user.unitCode) return null;
  return (await db.selectFrom('units').selectAll().where('code', '=', auth.user.unitCode).executeTakeFirst()) ?? null;
}

/**
 * Command staff and administrators of a province or district set the rules of their own unit and the
 * districts under it (the tier check of epidemic zones and arrival rules); communes apply them.
 */
async function mayEdit(db: DbOrTrx, auth: AuthContext, unit: UnitRow | null): Promise<boolean> {
  if (!unit || (unit.tier !== 'province' && unit.tier !== 'district')) return false;
  const caller = await callerUnit(db, auth);
  return canManageZones(auth.user.role, (caller?.tier ?? null) as Tier | null);
}

export async function ruleSettingsView(db: DbOrTrx, auth: AuthContext, unitCode: string | undefined): Promise<RuleSettingsDto> {
  const unit = await unitOf(db, auth, unitCode);
  const path = unit?.path ?? null;
  const rows = await settingsAbove(db, path, RULE_KEYS);
  const codes = [...new Set(rows.map((r) => r.unit_code))];
  const names = new Map((codes.length ? await db.selectFrom('units').select(['code', 'name']).where('code', 'in', codes).execute() : []).map((u) => [u.code, u.name]));
  const own = rows.filter((r) => r.unit_code === unit?.code);
  const editors = own.map((r) => r.updated_by).filter((id): id is number => id !== null);
  const users = new Map((editors.length ? await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', editors).execute() : []).map((u) => [u.id, u.full_name]));
  return {
    unit: unit ? { code: unit.code, name: unit.name, tier: unit.tier } : null,
    canEdit: await mayEdit(db, auth, unit),
    ruleSets: RULE_KEYS.map((key) => {
      const spec = RULE_SETS[key];
      const effective = layer(key, rows, path);
      const inherited = layer(key, rows.filter((r) => r.unit_code !== unit?.code), path);
      const mine = own.find((r) => r.rule_key === key);
      return {
        key, label: spec.label, source: spec.source,
        fields: spec.settings.map((s) => {
          const from = effective.sources[s.key];
          return {
            key: s.key, label: s.label, kind: s.kind, min: s.min, max: s.max, nullable: s.nullable, suffix: s.suffix,
            options: s.options ? [...s.options] : undefined, within: s.within,
            value: effective.values[s.key], inheritedValue: inherited.values[s.key], defaultValue: spec.defaults[s.key],
            fromUnit: from ? { code: from, name: names.get(from) ?? from } : null,
            text: formatSetting(s, effective.values[s.key]), defaultText: formatSetting(s, spec.defaults[s.key]),
          };
        }),
        own: mine ? { overrides: JSON.parse(mine.overrides) as Record<string, SettingValue>, version: mine.version, updatedAt: mine.updated_at, updatedBy: mine.updated_by ? users.get(mine.updated_by) ?? null : null } : null,
      };
    }),
  };
}

/** The unit a write names: visible to the caller (else 404), a province or district, and the caller allowed to set its rules. */
async function writableUnit(trx: DbOrTrx, auth: AuthContext, code: string): Promise<UnitRow> {
  const unit = await unitsRepo.findVisible(trx, auth.scope, code);
  if (!unit) throw unitNotFound();
  const caller = await callerUnit(trx, auth);
  if (!canManageZones(auth.user.role, (caller?.tier ?? null) as Tier | null)) throw errors.forbidden();
  if (unit.tier !== 'province' && unit.tier !== 'district') {
    throw errors.invalid('unit', 'Quy định chuyên môn đặt cho cấp tỉnh hoặc cấp huyện; xã, thôn áp dụng quy định của cấp trên.', 'Rules are set for a province or a district.');
  }
  return unit;
}

/**
 * A district's own values were checked against its province's when it set them: a province that
 * changes or drops its values must leave each of them valid, or a district would run a rule it could not have set.
 */
async function checkBelow(trx: DbOrTrx, key: RuleKey, unit: UnitRow, ownOverrides: Record<string, unknown> | null, field: (f: string) => string) {
  const below = await trx.selectFrom('rule_settings').innerJoin('units', 'units.code', 'rule_settings.unit_code').selectAll('rule_settings').select('units.name as unit_name')
    .where('rule_settings.rule_key', '=', key).where('rule_settings.unit_path', 'like', `${unit.path}%`).where('rule_settings.unit_code', '!=', unit.code).execute();
  if (!below.length) return;
  const around = (await settingsAbove(trx, unit.path, [key])).filter((r) => r.unit_code !== unit.code);
  const own: RuleSettingRow[] = ownOverrides ? [{ id: 0, unit_code: unit.code, unit_path: unit.path, rule_key: key, overrides: JSON.stringify(ownOverrides), version: 1, updated_by: null, updated_at: '' }] : [];
  for (const d of below) {
    const others = [...around, ...own, ...below.filter((b) => b.id !== d.id)];
    const problems = checkOverride(key, JSON.parse(d.overrides) as Record<string, unknown>, layer(key, others, d.unit_path).values);
    if (problems.length) {
      const p = problems[0];
      // The district's test days fail because of the province's duration: name what the province changed.
      const within = RULE_SETS[key].settings.find((x) => x.key === p.field)?.within;
      const changed = [p.field, within].find((f) => f !== undefined && ownOverrides !== null && f in ownOverrides);
      throw errors.invalid(field(changed ?? 'overrides'), `${d.unit_name} (${d.unit_code}) đang đặt giá trị riêng dựa trên giá trị này; sau thay đổi: ${p.message}`,
        `${d.unit_code} has its own values that rely on this one; after the change: ${p.messageEn}`);
    }
  }
}

/** Sets a unit's own values for one rule set, replacing what it had; checked against what applies above it. */
export async function putRuleSetting(db: Db, auth: AuthContext, actor: Actor, key: RuleKey, input: RuleSettingInput): Promise<RuleSettingsDto> {
  return db.transaction().execute(async (trx) => {
    const unit = await writableUnit(trx, auth, input.unit);
    const rows = await settingsAbove(trx, unit.path, [key]);
    const current = rows.find((r) => r.unit_code === unit.code);
    if (current ? input.version !== current.version : input.version !== undefined) throw errors.staleVersion();
    const above = layer(key, rows.filter((r) => r.unit_code !== unit.code), unit.path).values;
    const problems = checkOverride(key, input.overrides, above);
    if (problems.length) throw errors.problems(problems.map((p) => ({ ...p, field: p.field === 'overrides' ? p.field : `overrides.${p.field}` })));
    await checkBelow(trx, key, unit, input.overrides, (f) => (f === 'overrides' ? f : `overrides.${f}`));
    const overrides = JSON.stringify(input.overrides as RuleValues);
    const now = nowIso();
    let id: number;
    if (current) {
      const r = await trx.updateTable('rule_settings').set({ overrides, version: current.version + 1, updated_by: auth.user.id, updated_at: now })
        .where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw errors.staleVersion();
      id = current.id;
    } else {
      id = (await trx.insertInto('rule_settings').values({
        unit_code: unit.code, unit_path: unit.path, rule_key: key, overrides, version: 1, updated_by: auth.user.id, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await recordAudit(trx, actor, {
      action: current ? 'update' : 'create', entity: 'rule_setting', entityId: id, unitCode: unit.code, unitPath: unit.path,
      changes: { ruleKey: [null, key], overrides: [current ? JSON.parse(current.overrides) : null, input.overrides] },
    });
    return ruleSettingsView(trx, auth, unit.code);
  });
}

/** Removes a unit's own values: the rules of the unit above (or the default) apply again. */
export async function deleteRuleSetting(db: Db, auth: AuthContext, actor: Actor, key: RuleKey, q: { unit: string; version: number }): Promise<RuleSettingsDto> {
  return db.transaction().execute(async (trx) => {
    const unit = await writableUnit(trx, auth, q.unit);
    const current = await trx.selectFrom('rule_settings').selectAll().where('unit_code', '=', unit.code).where('rule_key', '=', key).executeTakeFirst();
    if (!current) throw errors.notFound('Quy định riêng của đơn vị', 'Unit rule setting');
    if (current.version !== q.version) throw errors.staleVersion();
    await checkBelow(trx, key, unit, null, () => 'unit');
    const r = await trx.deleteFrom('rule_settings').where('id', '=', current.id).where('version', '=', q.version).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw errors.staleVersion();
    await recordAudit(trx, actor, {
      action: 'delete', entity: 'rule_setting', entityId: current.id, unitCode: unit.code, unitPath: unit.path,
      changes: { ruleKey: [key, null], overrides: [JSON.parse(current.overrides), null] },
    });
    return ruleSettingsView(trx, auth, unit.code);
  });
}
