import { parseVnDate, type Symptom, type Transport } from '@pcd/core';
import type { DeclarationPayload } from './types';

export type BirthMode = 'year' | 'date';

export interface DeclarationFormValues {
  fullName?: string;
  birthMode: BirthMode;
  birthYear?: number | null;
  /** As typed, dd/mm/yyyy. */
  dateOfBirth?: string;
  idNumber?: string;
  phone?: string;
  fromUnitCode?: string;
  /** yyyy-mm-dd. */
  arrivalDate?: string;
  transport?: Transport;
  toUnitCode?: string;
  address?: string;
  symptoms: Symptom[];
  vaccinationDoses?: number;
  /** The honeypot: no person sees it, so it stays empty. */
  website?: string;
}

/** Form fields a server error may name; anything else is shown above the submit button. */
export const DECLARATION_FIELDS = [
  'fullName', 'birthYear', 'dateOfBirth', 'idNumber', 'phone', 'fromUnitCode', 'arrivalDate', 'transport', 'toUnitCode', 'address',
  'symptoms', 'vaccinationDoses',
] as const;

/** "symptoms.0" → "symptoms"; null for a field the form does not show (website, checkpointToken). */
export function formFieldOf(serverField: string | undefined, extra: readonly string[] = []): string | null {
  if (!serverField) return null;
  const head = serverField.split('.')[0];
  return (DECLARATION_FIELDS as readonly string[]).includes(head) || extra.includes(head) ? head : null;
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function toPayload(v: DeclarationFormValues): DeclarationPayload {
  return {
    fullName: (v.fullName ?? '').trim(),
    ...(v.birthMode === 'date'
      ? { dateOfBirth: parseVnDate(v.dateOfBirth ?? '') ?? v.dateOfBirth ?? null, birthYear: null }
      : { birthYear: v.birthYear ?? null, dateOfBirth: null }),
    idNumber: blankToNull(v.idNumber),
    phone: blankToNull(v.phone),
    fromUnitCode: v.fromUnitCode ?? '',
    arrivalDate: v.arrivalDate ?? '',
    toUnitCode: v.toUnitCode ?? '',
    address: (v.address ?? '').trim(),
    transport: v.transport ?? 'other',
    symptoms: v.symptoms ?? [],
    vaccinationDoses: v.vaccinationDoses ?? 0,
  };
}

export function emptyDeclaration(today: string): DeclarationFormValues {
  return { birthMode: 'year', symptoms: [], arrivalDate: today };
}

/** After one person of a family declares, the next keeps the journey (and phone) and fills in who they are. */
export const NEXT_IN_FAMILY: Partial<DeclarationFormValues> = {
  fullName: undefined, birthMode: 'year', birthYear: undefined, dateOfBirth: undefined, idNumber: undefined, symptoms: [], vaccinationDoses: undefined,
};
