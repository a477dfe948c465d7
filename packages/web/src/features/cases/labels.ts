import {
  CARE_PLACES, CASE_STATUSES, CLUSTER_SETTINGS, CONTACT_LEVELS, CONTACT_RELATIONS, CONTACT_STATUSES, DEATH_PLACES, DETECTION_SETTINGS,
  SEVERITIES, TEST_RESULTS_AT_DISCHARGE, TEST_TYPES, formatDate,
} from '@pcd/core';
import type { TFunction } from 'i18next';
import type { Dayjs } from 'dayjs';
import type { Contact } from './types';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const isoOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
export const dateText = (d: string | null | undefined) => (d ? formatDate(d) : '');

export const testTypeOptions = (t: TFunction) => TEST_TYPES.map((v) => ({ value: v, label: t(`cases.testTypes.${v}`) }));
export const detectionOptions = (t: TFunction) => DETECTION_SETTINGS.map((v) => ({ value: v, label: t(`cases.detections.${v}`) }));
export const severityOptions = (t: TFunction) => SEVERITIES.map((v) => ({ value: v, label: t(`cases.severities.${v}`) }));
export const carePlaceOptions = (t: TFunction) => CARE_PLACES.map((v) => ({ value: v, label: t(`cases.carePlaces.${v}`) }));
export const caseStatusOptions = (t: TFunction) => CASE_STATUSES.map((v) => ({ value: v, label: t(`cases.statuses.${v}`) }));
export const deathPlaceOptions = (t: TFunction) => DEATH_PLACES.map((v) => ({ value: v, label: t(`cases.deathPlaces.${v}`) }));
export const dischargeResultOptions = (t: TFunction) => TEST_RESULTS_AT_DISCHARGE.map((v) => ({ value: v, label: t(`cases.dischargeResults.${v}`) }));
export const relationOptions = (t: TFunction) => CONTACT_RELATIONS.map((v) => ({ value: v, label: t(`contacts.relations.${v}`) }));
export const contactStatusOptions = (t: TFunction) => CONTACT_STATUSES.map((v) => ({ value: v, label: t(`contacts.statuses.${v}`) }));
export const levelOptions = () => CONTACT_LEVELS.map((v) => ({ value: v, label: v }));
export const clusterSettingOptions = (t: TFunction) => CLUSTER_SETTINGS.map((v) => ({ value: v, label: t(`clusters.settings.${v}`) }));

export const SEVERITY_COLORS: Record<string, string> = { asymptomatic: 'default', mild: 'green', moderate: 'gold', severe: 'orange', critical: 'red' };
export const CASE_STATUS_COLORS: Record<string, string> = { active: 'volcano', recovered: 'green', died: 'default', transferred_out: 'blue' };

/** The registry name where the caller may see it, else what the recording commune typed. */
export const contactName = (c: Contact) => c.person?.fullName ?? c.entered?.fullName ?? '';

/** Where the contact came from; behind a hand-over only the sending commune is named. */
export function contactSource(t: TFunction, c: Contact): string {
  if (c.source.id === null) return t('contacts.sourceHidden', { level: c.source.level, unit: c.source.unitName });
  return c.source.kind === 'case' ? t('contacts.sourceCase', { id: c.source.id }) : t('contacts.sourceContact', { id: c.source.id });
}
