export type SettingValue = number | boolean | null | number[] | string[];

export interface RuleField {
  key: string;
  label: string;
  kind: 'int' | 'days' | 'bool' | 'choices';
  min?: number;
  max?: number;
  nullable?: boolean;
  suffix?: string;
  options?: { value: string; label: string }[];
  within?: string;
  value: SettingValue;
  inheritedValue: SettingValue;
  defaultValue: SettingValue;
  fromUnit: { code: string; name: string } | null;
  text: string;
  defaultText: string;
}

export interface RuleSet {
  key: string;
  label: string;
  source: string;
  fields: RuleField[];
  own: { overrides: Record<string, SettingValue>; version: number; updatedAt: string; updatedBy: string | null } | null;
}

export interface RuleSettings {
  unit: { code: string; name: string; tier: string } | null;
  canEdit: boolean;
  ruleSets: RuleSet[];
}
