import { Table } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { memberText } from './labels';
import { SweepProgress } from './SweepProgress';
import type { MemberProgress, Progress, VillageProgress } from './types';

function countColumns(t: TFunction) {
  return [
    { title: t('sweeps.progress.total'), dataIndex: 'total', width: 90, align: 'right' as const },
    { title: t('sweeps.progress.visited'), dataIndex: 'visited', width: 100, align: 'right' as const },
    { title: t('sweeps.progress.attemptedShort'), dataIndex: 'attempted', width: 130, align: 'right' as const },
    { title: t('sweeps.progress.remaining'), dataIndex: 'remaining', width: 90, align: 'right' as const },
    {
      title: t('sweeps.fields.progress'),
      key: 'bar',
      width: 220,
      render: (_: unknown, p: Progress) => <SweepProgress progress={p} testId="sweep-progress-bar" />,
    },
  ];
}

const rowProps = (testId: string, id: string) => ({ 'data-testid': testId, 'data-id': id }) as React.HTMLAttributes<HTMLElement>;

export function VillageProgressTable({ villages }: { villages: VillageProgress[] }) {
  const { t } = useTranslation();
  return (
    <Table<VillageProgress>
      data-testid="sweep-villages"
      rowKey="unitCode"
      size="small"
      pagination={false}
      dataSource={villages}
      scroll={{ x: 760 }}
      onRow={(v) => rowProps('sweep-village-row', v.unitCode)}
      columns={[{ title: t('sweeps.fields.village'), dataIndex: 'unitName', render: (name: string, v) => <span title={v.unitCode}>{name}</span> }, ...countColumns(t)]}
    />
  );
}

export function MemberProgressTable({ members }: { members: MemberProgress[] }) {
  const { t } = useTranslation();
  return (
    <Table<MemberProgress>
      data-testid="sweep-members"
      rowKey={(m) => String(m.userId ?? 'none')}
      size="small"
      pagination={false}
      dataSource={members}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('sweeps.members.none') }}
      onRow={(m) => rowProps('sweep-member-row', String(m.userId ?? 'none'))}
      columns={[{ title: t('sweeps.fields.member'), key: 'name', render: (_: unknown, m, i) => memberText(t, m, i) }, ...countColumns(t)]}
    />
  );
}
