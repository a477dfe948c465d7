import { vnDate, type Sex, type Symptom, type VisitOutcome } from '@pcd/core';
import dayjs, { type Dayjs } from 'dayjs';
import type { Attendance } from './AttendanceInput';
import type { ArrivalInput, VisitInput } from './types';

export interface ArrivalValues {
  fullName?: string;
  birthYear?: number | null;
  dateOfBirth?: Dayjs | null;
  sex?: Sex | null;
  idNumber?: string;
  phone?: string;
  originUnitCode?: string | null;
  arrivalDate?: Dayjs | null;
}

export interface VisitValues {
  householdId?: number;
  outcome?: VisitOutcome;
  attendance: Attendance;
  arrivals: ArrivalValues[];
  symptoms: Symptom[];
  followUpCreated: boolean;
  note?: string;
}

const ISO = 'YYYY-MM-DD';
const text = (v?: string | null) => (v && v.trim() ? v.trim() : null);

/** Nobody at home, or nobody living there: no one present, and no one newly arrived to meet. */
export const somebodyMet = (outcome?: VisitOutcome) => outcome === 'found' || outcome === 'refused';

/** Server field names answered by one control of the form. */
export const VISIT_FIELD_ALIASES = { presentPersonIds: 'attendance', absentPersonIds: 'attendance', symptoms: 'symptoms' };

export const emptyArrival = (): ArrivalValues => ({ arrivalDate: dayjs(vnDate()) });

export function emptyVisit(householdId?: number): Partial<VisitValues> {
  return { householdId, attendance: {}, arrivals: [], symptoms: [], followUpCreated: false };
}

function arrivalOf(a: ArrivalValues): ArrivalInput {
  const dateOfBirth = a.dateOfBirth ? a.dateOfBirth.format(ISO) : null;
  return {
    fullName: (a.fullName ?? '').trim(),
    dateOfBirth,
    birthYear: dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : (a.birthYear ?? null),
    sex: a.sex ?? null,
    idNumber: text(a.idNumber),
    phone: text(a.phone),
    originUnitCode: a.originUnitCode ?? null,
    arrivalDate: a.arrivalDate ? a.arrivalDate.format(ISO) : '',
  };
}

/** What is hidden for the outcome chosen (people present, arrivals) is not sent either. */
export function visitInputOf(v: VisitValues): VisitInput {
  const met = somebodyMet(v.outcome);
  const marked = (mark: 'present' | 'absent') => Object.entries(v.attendance ?? {}).filter(([, m]) => m === mark).map(([id]) => Number(id));
  return {
    householdId: v.householdId ?? 0,
    outcome: v.outcome!,
    presentPersonIds: met ? marked('present') : [],
    absentPersonIds: marked('absent'),
    arrivals: met ? (v.arrivals ?? []).map(arrivalOf) : [],
    symptoms: met ? (v.symptoms ?? []) : [],
    followUpCreated: v.followUpCreated ?? false,
    note: text(v.note),
  };
}
