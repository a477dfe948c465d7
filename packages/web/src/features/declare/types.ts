import type { CheckpointKind, Symptom, Transport } from '@pcd/core';

export interface OriginOption {
  code: string;
  /** "Quận 1", "Thành phố Hồ Chí Minh". */
  label: string;
  tier: string;
}

export interface DestinationOption {
  code: string;
  tier: 'commune' | 'village' | string;
  label: string;
  /** "Bản Hát Tao, Xã Na Tông, Huyện Điện Biên, Tỉnh Điện Biên". */
  fullLabel: string;
}

export interface PublicCheckpoint {
  name: string;
  kind: CheckpointKind;
  unitCode: string;
  unitName: string;
  location: string | null;
  communeCode: string | null;
}

/** What the server takes from a declarant, the same for the public form and for staff. */
export interface DeclarationPayload {
  fullName: string;
  dateOfBirth?: string | null;
  birthYear?: number | null;
  idNumber?: string | null;
  phone: string | null;
  fromUnitCode: string;
  arrivalDate: string;
  toUnitCode: string;
  address: string;
  transport: Transport;
  symptoms: Symptom[];
  vaccinationDoses: number;
}
