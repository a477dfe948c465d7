import { useTranslation } from 'react-i18next';
import type { Justification } from './field-types';

/** "1 203 người chưa tiêm − 400 liều tồn kho − 0 liều đang chờ duyệt = thiếu 803 liều", and the rounding to vials when given. */
export function JustificationText({ j }: { j: Justification }) {
  const { t } = useTranslation();
  const n = (x: number) => x.toLocaleString('vi-VN');
  return (
    <span>
      {t('vaccinationField.allocations.justificationText', { people: n(j.peopleWithoutDose), onHand: n(j.dosesOnHand), pending: n(j.dosesPending), gap: n(j.gap) })}
      {j.vialSize > 1 && <>; {t('vaccinationField.allocations.vialsText', { vials: n(j.vials), vialSize: j.vialSize, needed: n(j.dosesNeeded) })}</>}
    </span>
  );
}
