import { AGE_BANDS, RESIDENCE_STATUSES, RISK_FLAGS, SEXES, ageOn, formatDate, vnDate, type RiskFlag } from '@pcd/core';
import type { TFunction } from 'i18next';
import type { Household, Person, PersonFlags } from './types';

export const statusOptions = (t: TFunction) => RESIDENCE_STATUSES.map((s) => ({ value: s, label: t(`people.statuses.${s}`) }));
export const sexOptions = (t: TFunction) => SEXES.map((s) => ({ value: s, label: t(`people.sexes.${s}`) }));
export const flagOptions = (t: TFunction) => RISK_FLAGS.map((f) => ({ value: f, label: t(`people.flags.${f}`) }));
export const ageBandOptions = (t: TFunction) => AGE_BANDS.map((b) => ({ value: b, label: t(`population.bands.${b}`) }));

export const STATUS_COLORS: Record<Person['residenceStatus'], string> = { thuong_tru: 'green', tam_tru: 'blue', tam_vang: 'orange' };

/** The server names fields as the form does ("idNumber", "flags.pregnant"); import rows add "header". */
export function fieldLabel(t: TFunction, field: string | null | undefined): string {
  if (!field) return t('common.empty');
  const flag = /^flags\.(\w+)$/.exec(field)?.[1];
  if (flag) return t(`people.flags.${flag as RiskFlag}`, { defaultValue: field });
  return t(`people.fields.${field as 'fullName'}`, { defaultValue: field });
}

/** "12/04/1989" when the date is known, else the year alone, as village registers keep it. */
export function birthText(p: Pick<Person, 'dateOfBirth' | 'birthYear'>): string {
  if (p.dateOfBirth) return formatDate(p.dateOfBirth);
  return p.birthYear ? String(p.birthYear) : '';
}

export function ageText(t: TFunction, p: Pick<Person, 'dateOfBirth' | 'birthYear'>): string {
  const age = ageOn(vnDate(), p.dateOfBirth, p.birthYear);
  return age === null ? '' : t('people.ageYears', { age });
}

export function activeFlags(flags: PersonFlags): RiskFlag[] {
  return RISK_FLAGS.filter((f) => flags[f]);
}

export function residenceText(p: Pick<Person, 'residenceFrom' | 'residenceTo'>): string {
  if (!p.residenceFrom && !p.residenceTo) return '';
  return `${p.residenceFrom ? formatDate(p.residenceFrom) : '…'} – ${p.residenceTo ? formatDate(p.residenceTo) : '…'}`;
}

/** A household as officials name it: code, then the boarding-house name or the address. */
export function householdTitle(t: TFunction, h: Pick<Household, 'id' | 'code' | 'name' | 'address'>): string {
  const label = h.name || h.address;
  if (h.code && label) return `${h.code} · ${label}`;
  return h.code || label || t('people.households.unnamed', { id: h.id });
}
