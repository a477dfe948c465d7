/** Community care teams of the user's area. Test ids: teams-card, team-create, team-row (data-id), team-edit. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { usePermission } from '../auth/session';
import { useTeams } from './api';
import { TeamEditModal } from './TeamEditModal';
import { TeamFormModal } from './TeamFormModal';
import type { CareTeam } from './types';

export function TeamsCard() {
  const { t } = useTranslation();
  const list = useTeams();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CareTeam | null>(null);
  const canWrite = usePermission('personal.write');
  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      title={t('care.teams.title')}
      data-testid="teams-card"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">
          {t('care.teams.create')}
        </Button>
      }
    >
      <Table<CareTeam>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('care.teams.empty') }}
        pagination={false}
        onRow={(x) => ({ 'data-testid': 'team-row', 'data-id': x.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('care.teams.name'), dataIndex: 'name' },
          { title: t('care.teams.unit'), dataIndex: 'unitName' },
          { title: t('care.teams.leader'), dataIndex: 'leaderName', render: (v: string | null) => v ?? t('common.empty') },
          { title: t('care.teams.phone'), dataIndex: 'phone' },
          { title: t('care.teams.members'), render: (_, x) => x.members.map((m) => m.fullName).join(', ') || t('common.empty') },
          {
            title: t('care.teams.cases'),
            render: (_, x) => (
              <span title={x.cases.map((c) => c.fullName).join(', ')} data-testid="team-case-count">{x.caseIds.length}</span>
            ),
            width: 110,
          },
          ...(canWrite
            ? [{
                title: t('common.actions'),
                width: 150,
                render: (_: unknown, x: CareTeam) => (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(x)} data-testid="team-edit">{t('care.teams.edit.button')}</Button>
                ),
              }]
            : []),
        ]}
      />
      {creating && <TeamFormModal onClose={() => setCreating(false)} />}
      {editing && <TeamEditModal team={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
