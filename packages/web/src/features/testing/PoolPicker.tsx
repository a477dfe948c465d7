/** The people of one pool, picked one by one with the registry search; a form control (value = person ids). */
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../people/api';
import { birthText } from '../people/labels';
import { PersonSelect } from '../people/PersonSelect';

function MemberTag({ id, onClose }: { id: number; onClose: () => void }) {
  const person = usePerson(id);
  return (
    <Tag closable onClose={onClose} data-testid="sample-member" data-id={id}>
      {person.data ? [person.data.fullName, birthText(person.data)].filter(Boolean).join(' · ') : `#${id}`}
    </Tag>
  );
}

interface Props { value?: number[]; onChange?: (ids: number[]) => void; unitCode: string; max: number; id?: string }

export function PoolPicker({ value = [], onChange, unitCode, max, id }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} id={id}>
      <Flex gap={4} wrap data-testid="sample-members">
        {value.length === 0 && <Typography.Text type="secondary">{t('testing.sample.noMembers')}</Typography.Text>}
        {value.map((p) => (
          <MemberTag key={p} id={p} onClose={() => onChange?.(value.filter((x) => x !== p))} />
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
          placeholder={t('testing.sample.addMember')}
          data-testid="sample-add-member"
        />
      )}
    </Flex>
  );
}
