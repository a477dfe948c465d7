/**
 * People picked one by one with the registry search — the members of a pool, or a campaign's target list;
 * a form control (value = person ids). Test ids: <prefix>-members, <prefix>-member (data-id), <prefix>-add-member.
 */
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../people/api';
import { birthText } from '../people/labels';
import { PersonSelect } from '../people/PersonSelect';

function MemberTag({ id, onClose, testId }: { id: number; onClose: () => void; testId: string }) {
  const person = usePerson(id);
  return (
    <Tag closable onClose={onClose} data-testid={testId} data-id={id}>
      {person.data ? [person.data.fullName, birthText(person.data)].filter(Boolean).join(' · ') : `#${id}`}
    </Tag>
  );
}

interface Props { value?: number[]; onChange?: (ids: number[]) => void; unitCode?: string; max: number; id?: string; placeholder?: string; testIdPrefix?: string }

export function PoolPicker({ value = [], onChange, unitCode, max, id, placeholder, testIdPrefix = 'sample' }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} id={id}>
      <Flex gap={4} wrap data-testid={`${testIdPrefix}-members`}>
        {value.length === 0 && <Typography.Text type="secondary">{t('testing.sample.noMembers')}</Typography.Text>}
        {value.map((p) => (
          <MemberTag key={p} id={p} testId={`${testIdPrefix}-member`} onClose={() => onChange?.(value.filter((x) => x !== p))} />
        ))}
      </Flex>
      {value.length < max && (
        <PersonSelect
          key={value.length}
          unitCode={unitCode}
          value={null}
          onChange={(p) => {
            if (p !== null && !value.includes(p)) onChange?.([...value, p]);
          }}
          placeholder={placeholder ?? t('testing.sample.addMember')}
          data-testid={`${testIdPrefix}-add-member`}
        />
      )}
    </Flex>
  );
}
