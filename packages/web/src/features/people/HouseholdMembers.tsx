import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ageText, birthText } from './labels';
import { ResidenceTag } from './PersonTags';
import type { Person } from './types';

/** Members of one household, the head marked, and the person being viewed (if any) highlighted. */
export function HouseholdMembers({ members, headId, currentId }: { members: Person[]; headId: number | null; currentId?: number }) {
  const { t } = useTranslation();
  return (
    <Table<Person>
      data-testid="household-members"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={members}
      locale={{ emptyText: t('people.households.noMembers') }}
      onRow={(p) => ({ 'data-testid': 'household-member', 'data-id': String(p.id) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('people.fields.fullName'),
          dataIndex: 'fullName',
          render: (name: string, p) => (
            <>
              {p.id === currentId ? <strong>{name}</strong> : <Link to={`/people/${p.id}`}>{name}</Link>}
              {p.id === headId && (
                <Tag color="gold" style={{ marginInlineStart: 8 }}>
                  {t('people.detail.headTag')}
                </Tag>
              )}
            </>
          ),
        },
        { title: t('people.fields.birth'), key: 'birth', width: 150, render: (_: unknown, p) => [birthText(p), ageText(t, p)].filter(Boolean).join(' — ') },
        { title: t('people.fields.sex'), dataIndex: 'sex', width: 80, render: (s: Person['sex']) => (s ? t(`people.sexes.${s}`) : t('common.empty')) },
        { title: t('people.fields.idNumber'), dataIndex: 'idNumber', width: 150, render: (v: string | null) => v ?? t('common.empty') },
        { title: t('people.fields.residenceStatus'), dataIndex: 'residenceStatus', width: 130, render: (s: Person['residenceStatus']) => <ResidenceTag status={s} /> },
      ]}
    />
  );
}
