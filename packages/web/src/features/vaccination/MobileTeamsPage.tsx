/**
 * "Đội tiêm lưu động": the teams of the user's area and their sessions, newest first.
 * Test ids: teams-page, team-create, team-row (data-id), session-create, session-row (data-id), session-delete.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { FieldToolbar } from './FieldToolbar';
import { sessionsXlsx, useDeleteSession, useSessions, useTeams, useUpdateTeam } from './field-api';
import type { MobileTeam, Session } from './field-types';
import { SessionFormModal } from './SessionFormModal';
import { TeamFormModal } from './TeamFormModal';

export function MobileTeamsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const teams = useTeams(undefined);
  const [page, setPage] = useState(1);
  const sessions = useSessions(undefined, page);
  const updateTeam = useUpdateTeam();
  const removeSession = useDeleteSession();
  const [creatingTeam, setCreatingTeam] = useState(false);
  const [creatingSession, setCreatingSession] = useState(false);
  const c = (k: string) => t(`vaccinationField.teams.columns.${k}` as 'vaccinationField.teams.columns.name');
  const s = (k: string) => t(`vaccinationField.sessions.columns.${k}` as 'vaccinationField.sessions.columns.date');

  const guard = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (err) {
      if (isApiError(err) && err.isConflict) void message.warning(t('vaccinationField.stale'));
      else showError(err);
    }
  };

  if (teams.error) return <ErrorResult error={teams.error} onRetry={() => void teams.refetch()} />;
  const teamList = teams.data?.items ?? [];

  return (
    <div data-testid="teams-page">
      <FieldToolbar title={t('vaccinationField.teams.title')}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingTeam(true)} data-testid="team-create">{t('vaccinationField.teams.create')}</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Table<MobileTeam>
          rowKey="id" size="small" loading={teams.isLoading} dataSource={teamList} pagination={false} locale={{ emptyText: t('vaccinationField.teams.empty') }}
          onRow={(x) => ({ 'data-testid': 'team-row', 'data-id': x.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: c('name'), dataIndex: 'name' },
            { title: c('unit'), dataIndex: 'unitName' },
            { title: c('leader'), render: (_, x) => [x.leaderName, x.leaderPhone].filter(Boolean).join(' · ') },
            { title: c('members'), dataIndex: 'members', ellipsis: true },
            { title: c('sessions'), dataIndex: 'sessions', align: 'right', width: 90 },
            { title: c('doses'), dataIndex: 'dosesGiven', align: 'right', width: 120 },
            { title: c('status'), width: 130, render: (_, x) => <Tag color={x.active ? 'green' : 'default'}>{t(x.active ? 'vaccinationField.teams.active' : 'vaccinationField.teams.inactive')}</Tag> },
            {
              title: t('common.actions'), width: 150,
              render: (_, x) => (
                <Button size="small" onClick={() => void guard(() => updateTeam.mutateAsync({ id: x.id, version: x.version, active: !x.active }))}>
                  {t(x.active ? 'vaccinationField.teams.deactivate' : 'vaccinationField.teams.reactivate')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('vaccinationField.sessions.title')}
        extra={<Space><Button icon={<DownloadOutlined />} href={sessionsXlsx()}>{t('common.exportXlsx')}</Button><Button icon={<PlusOutlined />} disabled={!teamList.some((x) => x.active)} onClick={() => setCreatingSession(true)} data-testid="session-create">{t('vaccinationField.sessions.create')}</Button></Space>}>
        {sessions.error ? <ErrorResult error={sessions.error} onRetry={() => void sessions.refetch()} /> : (
          <Table<Session>
            rowKey="id" size="small" loading={sessions.isFetching} dataSource={sessions.data?.items ?? []} locale={{ emptyText: t('vaccinationField.sessions.empty') }}
            onRow={(x) => ({ 'data-testid': 'session-row', 'data-id': x.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 10, total: sessions.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
            columns={[
              { title: s('date'), width: 110, render: (_, x) => formatDate(x.date) },
              { title: s('team'), dataIndex: 'teamName' },
              { title: s('place'), render: (_, x) => `${x.place} · ${x.unitName}` },
              { title: s('doses'), render: (_, x) => x.doses.map((d) => `${d.productName}: ${d.given}${d.wasted ? ` (${d.wasted})` : ''}`).join('; ') },
              { title: s('recorded'), dataIndex: 'recordedDoses', align: 'right', width: 130 },
              {
                title: t('common.actions'), width: 90,
                render: (_, x) => (
                  <Popconfirm title={t('vaccinationField.sessions.removeConfirm')} onConfirm={() => guard(() => removeSession.mutateAsync({ id: x.id, version: x.version }))}>
                    <Button size="small" danger data-testid="session-delete">{t('vaccinationField.sessions.remove')}</Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
      {creatingTeam && <TeamFormModal onClose={() => setCreatingTeam(false)} />}
      {creatingSession && <SessionFormModal teams={teamList} onClose={() => setCreatingSession(false)} />}
    </div>
  );
}
