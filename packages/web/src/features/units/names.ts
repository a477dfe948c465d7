import { kindLabel } from '@pcd/core';
import type { TFunction } from 'i18next';
import type { UnitRef } from './types';

/**
 * "Huyện Tân Uyên": official names always carry the kind, in Vietnamese, whatever the UI language,
 * because that is how they appear on documents. Names already stored with their prefix are left alone.
 */
export function unitFullName(unit: Pick<UnitRef, 'name' | 'kind'>): string {
  // The long label "Thành phố trực thuộc Trung ương" is a classification, not part of the name.
  const label = unit.kind === 'thanh_pho_tw' ? 'Thành phố' : kindLabel(unit.kind);
  if (!label || label === unit.kind) return unit.name;
  return unit.name.toLocaleLowerCase('vi').startsWith(`${label.toLocaleLowerCase('vi')} `) ? unit.name : `${label} ${unit.name}`;
}

/** "Tỉnh Lai Châu › Huyện Tân Uyên", root first. */
export function unitPathText(ancestors: UnitRef[] | undefined): string {
  return (ancestors ?? []).map(unitFullName).join(' › ');
}

/** Where a search hit lies: the server's place line, else the ancestors when known. */
export function unitPlace(unit: { place?: string; ancestors?: UnitRef[] }): string {
  return unit.place || unitPathText(unit.ancestors);
}

/** The kind in the UI language; kinds the dictionary does not know fall back to core's Vietnamese label. */
export function kindText(t: TFunction, kind: string): string {
  return t(`kinds.${kind}`, { defaultValue: kindLabel(kind) });
}
