import { Button, Empty, Flex, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { birthText } from './labels';
import type { HouseholdPerson } from './types';

export type Attendance = Record<string, 'present' | 'absent'>;

interface Props {
  members: HouseholdPerson[];
  /** Nobody home or an empty house: no one can be marked present. */
  presentAllowed: boolean;
  value?: Attendance;
  onChange?: (v: Attendance) => void;
}

/** The household's registered people, each marked present or absent with one tap. */
export function AttendanceInput({ members, presentAllowed, value = {}, onChange }: Props) {
  const { t } = useTranslation();
  if (!members.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sweeps.visit.noMembers')} />;
  const set = (personId: number, mark: 'present' | 'absent') => onChange?.({ ...value, [personId]: mark });
  return (
    <Flex vertical gap={8} data-testid="visit-attendance">
      {presentAllowed && (
        <div>
          <Button size="small" onClick={() => onChange?.(Object.fromEntries(members.map((m) => [m.personId, 'present'])))} data-testid="visit-all-present">
            {t('sweeps.visit.allPresent')}
          </Button>
        </div>
      )}
      {members.map((m) => (
        <Flex key={m.personId} justify="space-between" align="center" gap={8} wrap data-testid="visit-person" data-id={m.personId}>
          <span>
            <Typography.Text>{m.fullName}</Typography.Text>{' '}
            <Typography.Text type="secondary">{birthText(m)}</Typography.Text>
          </span>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={value[m.personId]}
            onChange={(e) => set(m.personId, e.target.value as 'present' | 'absent')}
            options={[
              { value: 'present', label: t('sweeps.visit.present'), disabled: !presentAllowed },
              { value: 'absent', label: t('sweeps.visit.absent') },
            ]}
          />
        </Flex>
      ))}
    </Flex>
  );
}
