import { ageOn, type FieldProblem } from './people.js';

/** Children orphaned by COVID-19 (seed 000 item 1: count deaths and orphaned children truthfully). */

export const ORPHAN_RELATIONS = ['parent', 'caregiver'] as const;
export type OrphanRelation = (typeof ORPHAN_RELATIONS)[number];
export const ORPHAN_RELATION_LABELS: Record<OrphanRelation, string> = { parent: 'Cha/mẹ', caregiver: 'Người nuôi dưỡng' };

export const SUPPORT_STATUSES = ['none', 'proposed', 'receiving'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SUPPORT_STATUS_LABELS: Record<SupportStatus, string> = { none: 'Chưa hỗ trợ', proposed: 'Đã đề xuất hỗ trợ', receiving: 'Đang được hỗ trợ' };

/** A child is someone under 16 (Luật Trẻ em 2016), counted on the day the parent or caregiver died. */
export const ORPHAN_RULES = { maxAgeExclusive: 16 };

export function checkOrphan(f: { deathDate: string; childDateOfBirth: string | null; childBirthYear: number | null; sameAsParent: boolean }, rules = ORPHAN_RULES): FieldProblem[] {
  if (f.sameAsParent) return [{ field: 'childPersonId', message: 'Trẻ không thể là chính người đã mất.', messageEn: 'The child cannot be the deceased.' }];
  const age = ageOn(f.deathDate, f.childDateOfBirth, f.childBirthYear);
  if (age === null) return [{ field: 'childPersonId', message: 'Hồ sơ của trẻ chưa có ngày hoặc năm sinh.', messageEn: 'The child has no date or year of birth.' }];
  if (age < 0) return [{ field: 'childPersonId', message: 'Trẻ sinh sau ngày người thân mất.', messageEn: 'The child was born after the death.' }];
  if (age >= rules.maxAgeExclusive) {
    return [{ field: 'childPersonId', message: `Trẻ đã ${age} tuổi khi người thân mất; chỉ ghi trẻ dưới ${rules.maxAgeExclusive} tuổi.`, messageEn: `The child was ${age}; only children under ${rules.maxAgeExclusive} are recorded.` }];
  }
  return [];
}
