/**
 * Lockdown zones of the user's area, active ones first, with the share tested in the latest round.
 * Test ids: lockdown-page, lockdown-status-filter, zone-create, zone-row (data-id), round-share.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { lockdownLinks, useZones } from './api';
import { ShareBar } from './ShareBar';
import type { LockdownZone } from './types';
import { useCanRecordZones } from './useCanRecordZones';
import { ZoneFormModal } from './ZoneFormModal';
import { periodText, placesText } from './zoneText';

export function ZonesListPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'active' | 'all'>('active');
  const [page, setPage] = useState(1);
  const list = useZones({ status: status === 'all' ? undefined : status, page });
  const canWrite = useCanRecordZones();
  const [creating, setCreating] = useState(false);

  return (
    <div data-testid="lockdown-page">
      <PageHeader
        title={t('lockdown.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={lockdownLinks.xlsx(status === 'all' ? undefined : status)}>{t('common.exportXlsx')}</Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="zone-create">{t('lockdown.create')}</Button>
            )}
          </>
        }
      />
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card
          title={
            <Segmented
              data-testid="lockdown-status-filter"
              value={status}
              onChange={(v) => { setStatus(v as 'active' | 'all'); setPage(1); }}
              options={[{ value: 'active', label: t('lockdown.filter.active') }, { value: 'all', label: t('lockdown.filter.all') }]}
            />
          }
        >
          <Table<LockdownZone>
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('lockdown.empty') }}
            onRow={(z) => ({ 'data-testid': 'zone-row', 'data-id': z.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
            columns={[
              {
                title: t('lockdown.columns.name'),
                render: (_, z) => (
                  <>
                    <Link to={`/lockdown/${z.id}`}>{z.name}</Link>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{z.reason}</Typography.Text>
                  </>
                ),
              },
              { title: t('lockdown.columns.unit'), dataIndex: 'unitName' },
              { title: t('lockdown.columns.places'), render: (_, z) => placesText(t, z) },
              { title: t('lockdown.columns.period'), render: (_, z) => periodText(t, z) },
              {
                title: t('lockdown.columns.status'),
                render: (_, z) => <Tag color={z.status === 'active' ? 'red' : 'default'}>{t(`lockdown.statuses.${z.status}`)}</Tag>,
              },
              {
                title: t('lockdown.columns.lastRound'),
                render: (_, z) => {
                  const last = z.rounds[z.rounds.length - 1];
                  return last ? <ShareBar sharePct={last.sharePct} targetPct={z.targetPct} meetsTarget={last.meetsTarget} /> : t('lockdown.noRound');
                },
              },
            ]}
          />
        </Card>
      )}
      {creating && <ZoneFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}
