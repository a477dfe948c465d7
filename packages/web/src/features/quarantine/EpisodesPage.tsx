/**
 * People in quarantine, at home or in a facility: who is tested today, who ends today, who is past the end.
 * Test ids: episodes-page, episodes-filter, episodes-kind, episode-home-create, episode-item (data-id),
 * episode-test, episode-release, episode-cancel.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate, vnDate, type QuarantineKind } from '@pcd/core';
import { Button, Card, Flex, Popconfirm, Segmented, Select, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { episodeFilter, quarantineLinks, useEpisodes } from './api';
import { CancelEpisodeModal } from './CancelEpisodeModal';
import { EpisodeTestModal } from './EpisodeTestModal';
import { HomeEpisodeModal } from './HomeEpisodeModal';
import { QuarantineTabs } from './QuarantineTabs';
import { EPISODE_TABS, type Episode, type EpisodeTab } from './types';
import { useEpisodeCommands } from './useEpisodeCommands';

export function EpisodesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<EpisodeTab>('test_today');
  const [kind, setKind] = useState<QuarantineKind | undefined>();
  const [page, setPage] = useState(1);
  const list = useEpisodes({ tab, kind, page });
  const canWrite = usePermission('personal.write');
  const commands = useEpisodeCommands();
  const [creating, setCreating] = useState(false);
  const [testing, setTesting] = useState<Episode | null>(null);
  const [cancelling, setCancelling] = useState<Episode | null>(null);
  const l = (k: string) => t(`quarantine.list.${k}` as 'quarantine.list.title');
  const today = vnDate();

  return (
    <div data-testid="episodes-page">
      <PageHeader
        title={t('quarantine.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={quarantineLinks.episodes({ ...episodeFilter(tab), kind })}>{t('common.exportXlsx')}</Button>
            {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="episode-home-create">{l('createHome')}</Button>}
          </>
        }
      />
      <QuarantineTabs />
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card>
          <Flex gap={12} wrap style={{ marginBottom: 12 }}>
            <Segmented
              data-testid="episodes-filter"
              value={tab}
              onChange={(v) => { setTab(v as EpisodeTab); setPage(1); }}
              options={EPISODE_TABS.map((k) => ({ value: k, label: <span data-testid={`episodes-filter-${k}`}>{t(`quarantine.list.filters.${k}`)}</span> }))}
            />
            <Select
              allowClear
              placeholder={l('kindFilter')}
              value={kind}
              onChange={(v) => { setKind(v); setPage(1); }}
              options={(['home', 'facility'] as const).map((k) => ({ value: k, label: t(`quarantine.kinds.${k}`) }))}
              style={{ width: 160 }}
              data-testid="episodes-kind"
            />
          </Flex>
          <Table<Episode>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: l('empty') }}
            onRow={(e) => ({ 'data-testid': 'episode-item', 'data-id': e.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
            columns={[
              { title: l('person'), render: (_, e) => `${e.fullName}${e.birthYear ? ` (${e.birthYear})` : ''}` },
              { title: t('care.phone'), dataIndex: 'phone' },
              { title: t('care.unit'), dataIndex: 'unitName' },
              {
                title: l('place'),
                render: (_, e) => (e.facilityId ? <Link to={`/quarantine/${e.facilityId}`}>{e.facilityName}{e.areaName ? ` — ${e.areaName}` : ''}</Link> : l('home')),
              },
              { title: t('quarantine.episodes.reason'), render: (_, e) => t(`quarantine.reasons.${e.reason}`) },
              { title: t('quarantine.episodes.startDate'), render: (_, e) => formatDate(e.startDate), width: 110 },
              {
                title: t('quarantine.episodes.plannedEnd'),
                width: 120,
                render: (_, e) => <span style={e.status === 'active' && e.plannedEnd < today ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatDate(e.plannedEnd)}</span>,
              },
              {
                title: t('quarantine.episodes.testDates'),
                render: (_, e) => e.testDates.map((d) => <Tag key={d} color={d === today ? 'blue' : undefined}>{formatDate(d)}{d === today ? ` (${l('today')})` : ''}</Tag>),
              },
              ...(canWrite
                ? [{
                    title: t('common.actions'),
                    width: 290,
                    render: (_: unknown, e: Episode) =>
                      e.status !== 'active' ? null : (
                        <Flex gap={4} wrap>
                          <Tooltip title={e.obligationId ? undefined : l('noObligation')}>
                            <Button size="small" disabled={!e.obligationId || e.testDates.length === 0} onClick={() => setTesting(e)} data-testid="episode-test">{l('recordTest')}</Button>
                          </Tooltip>
                          <Tooltip title={e.plannedEnd > today ? l('notYet') : undefined}>
                            <Popconfirm title={t('quarantine.list.releaseConfirm', { name: e.fullName })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void commands.release(e)} disabled={e.plannedEnd > today}>
                              <Button size="small" type="primary" disabled={e.plannedEnd > today} data-testid="episode-release">{l('release')}</Button>
                            </Popconfirm>
                          </Tooltip>
                          <Button size="small" danger onClick={() => setCancelling(e)} data-testid="episode-cancel">{l('cancel')}</Button>
                        </Flex>
                      ),
                  }]
                : []),
            ]}
          />
        </Card>
      )}
      {creating && <HomeEpisodeModal onClose={() => setCreating(false)} />}
      {testing && <EpisodeTestModal episode={testing} onClose={() => setTesting(null)} />}
      {cancelling && (
        <CancelEpisodeModal
          episode={cancelling}
          saving={commands.saving}
          onClose={() => setCancelling(null)}
          onSubmit={(note) => void commands.cancel(cancelling, note).then((ok) => ok && setCancelling(null))}
        />
      )}
    </div>
  );
}
