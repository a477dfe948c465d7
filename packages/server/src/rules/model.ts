import { z } from 'zod';
import { RULE_KEYS } from '@pcd/core';

const value = z.union([z.number(), z.boolean(), z.null(), z.array(z.number()), z.array(z.string())]);

export const ruleKeyParam = z.object({ key: z.enum(RULE_KEYS) });
export const ruleSettingsQuery = z.object({ unit: z.string().max(32).optional() });

export const ruleSettingInput = z.object({
  /** The province or district whose own values these are. */
  unit: z.string().trim().min(1).max(32),
  /** Only the values the unit changes; each is checked by the rule set (field `overrides.<name>`). */
  overrides: z.record(z.string(), z.unknown()),
  /** Version of the unit's current setting; required when it already has one. */
  version: z.number().int().min(1).optional(),
});
export type RuleSettingInput = z.infer<typeof ruleSettingInput>;

export const ruleSettingDeleteQuery = z.object({ unit: z.string().trim().min(1).max(32), version: z.coerce.number().int().min(1) });

const unitRef = z.object({ code: z.string(), name: z.string() });

export const ruleFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['int', 'days', 'bool', 'choices']),
  min: z.number().optional(),
  max: z.number().optional(),
  nullable: z.boolean().optional(),
  suffix: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  within: z.string().optional(),
  /** In force for the unit. */
  value,
  /** What would apply without the unit's own setting (from the units above, or the default). */
  inheritedValue: value,
  defaultValue: value,
  /** The unit whose setting gives the value; null: the national default. */
  fromUnit: unitRef.nullable(),
  /** The value shown as an official reads it. */
  text: z.string(),
  defaultText: z.string(),
});

export const ruleSetSchema = z.object({
  key: z.enum(RULE_KEYS),
  label: z.string(),
  /** The legal document of the default values. */
  source: z.string(),
  fields: z.array(ruleFieldSchema),
  /** The unit's own setting, if it has one. */
  own: z.object({ overrides: z.record(z.string(), value), version: z.number(), updatedAt: z.string(), updatedBy: z.string().nullable() }).nullable(),
});

export const ruleSettingsSchema = z.object({
  /** The unit looked at; null for a national administrator without a unit (defaults only). */
  unit: z.object({ code: z.string(), name: z.string(), tier: z.string() }).nullable(),
  /** Whether the caller may set this unit's rules (command or admin of a province or district, for a province or district). */
  canEdit: z.boolean(),
  ruleSets: z.array(ruleSetSchema),
});
export type RuleSettingsDto = z.infer<typeof ruleSettingsSchema>;
