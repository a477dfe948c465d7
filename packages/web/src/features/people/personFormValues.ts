import { vnDate, type ResidenceStatus, type Sex } from '@pcd/core';
import dayjs, { type Dayjs } from 'dayjs';
import type { Person, PersonChanges, PersonFlags, PersonInput } from './types';

export type BirthMode = 'date' | 'year';

/** What the person form holds: dates as pickers want them, and whether the full birth date is known. */
export interface PersonFormValues {
  fullName: string;
  birthMode: BirthMode;
  dateOfBirth?: Dayjs | null;
  birthYear?: number | null;
  sex?: Sex | null;
  idNumber?: string;
  phone?: string;
  ethnicity?: string;
  occupation?: string;
  unitCode?: string;
  address?: string;
  householdId?: number | null;
  residenceStatus: ResidenceStatus;
  residenceFrom?: Dayjs | null;
  residenceTo?: Dayjs | null;
  flags: PersonFlags;
}

const ISO = 'YYYY-MM-DD';
const NO_FLAGS: PersonFlags = { comorbidity: false, pregnant: false, elderlyAlone: false };
const text = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);
const day = (v: string | null) => (v ? dayjs(v) : null);

export const thisYear = () => Number(vnDate().slice(0, 4));

export function emptyValues(defaults: Partial<Pick<PersonInput, 'unitCode' | 'householdId' | 'address'>> = {}): Partial<PersonFormValues> {
  return {
    birthMode: 'date',
    residenceStatus: 'thuong_tru',
    flags: { ...NO_FLAGS },
    unitCode: defaults.unitCode,
    householdId: defaults.householdId ?? null,
    address: defaults.address ?? undefined,
  };
}

export function valuesOf(p: Person): PersonFormValues {
  return {
    fullName: p.fullName,
    birthMode: p.dateOfBirth || p.birthYear === null ? 'date' : 'year',
    dateOfBirth: day(p.dateOfBirth),
    birthYear: p.birthYear,
    sex: p.sex,
    idNumber: p.idNumber ?? '',
    phone: p.phone ?? '',
    ethnicity: p.ethnicity ?? '',
    occupation: p.occupation ?? '',
    unitCode: p.unitCode,
    address: p.address ?? '',
    householdId: p.householdId,
    residenceStatus: p.residenceStatus,
    residenceFrom: day(p.residenceFrom),
    residenceTo: day(p.residenceTo),
    flags: { ...NO_FLAGS, ...p.flags },
  };
}

export function inputOf(v: PersonFormValues): PersonInput {
  const dateOfBirth = v.birthMode === 'date' && v.dateOfBirth ? v.dateOfBirth.format(ISO) : null;
  return {
    fullName: v.fullName.trim(),
    dateOfBirth,
    // With a full date the server derives the year; sending the same year keeps an unchanged birth out of the diff.
    birthYear: dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : v.birthMode === 'year' ? (v.birthYear ?? null) : null,
    sex: v.sex ?? null,
    idNumber: text(v.idNumber),
    phone: text(v.phone),
    ethnicity: text(v.ethnicity),
    occupation: text(v.occupation),
    unitCode: v.unitCode ?? '',
    address: text(v.address),
    householdId: v.householdId ?? null,
    residenceStatus: v.residenceStatus,
    residenceFrom: v.residenceFrom ? v.residenceFrom.format(ISO) : null,
    residenceTo: v.residenceTo ? v.residenceTo.format(ISO) : null,
    flags: { ...NO_FLAGS, ...v.flags },
  };
}

/** Only what the official changed, so a field someone else edited meanwhile is not written back. */
export function changesOf(before: Person, v: PersonFormValues): PersonChanges {
  const next = inputOf(v);
  const prev = inputOf(valuesOf(before));
  const changes: PersonChanges = { version: before.version };
  for (const key of Object.keys(next) as (keyof PersonInput)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(prev[key])) (changes as Record<string, unknown>)[key] = next[key];
  }
  return changes;
}
