/**
 * Testing campaigns with their target coverage.
 * Test ids: testing-page, campaign-create, campaign-row (data-id), campaign-coverage.
 */
import { PlusOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { useCampaigns } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { CoverageBar } from './CoverageBar';
import { TestingTabs } from './TestingTabs';
import type { Campaign } from './types';

export const STATUS_COLORS = { planned: 'default', active: 'processing', closed: 'success' } as const;

export function CampaignsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const canManage = usePermission('testing.manage');
  const list = useCampaigns(page);
  const c = (key: string) => t(`testing.campaign.${key}` as 'testing.campaign.name');

  return (
    <div data-testid="testing-page">
      <PageHeader
        title={t('testing.title')}
        extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">{c('create')}</Button> : null}
      />
      <TestingTabs />
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card>
          <Table<Campaign>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: c('empty') }}
            onRow={(r) => ({ 'data-testid': 'campaign-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: c('name'), dataIndex: 'name', render: (_, r) => <Link to={`/testing/${r.id}`}>{r.name}</Link> },
              {
                title: c('purpose'),
                render: (_, r) => [t(`testing.purposes.${r.purpose}`), r.placeType ? t(`testing.places.${r.placeType}`) : null, r.placeName].filter(Boolean).join(' · '),
              },
              { title: c('unit'), dataIndex: 'unitName' },
              { title: c('dates'), render: (_, r) => `${formatDate(r.fromDate)}${r.toDate ? ` – ${formatDate(r.toDate)}` : ''}` },
              { title: c('status'), render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`testing.statuses.${r.status}`)}</Tag> },
              { title: c('samples'), dataIndex: 'samples', align: 'right' },
              { title: c('positives'), dataIndex: 'positives', align: 'right' },
              { title: c('coverage'), render: (_, r) => <CoverageBar coverage={r.coverage} testId="campaign-coverage" /> },
            ]}
          />
        </Card>
      )}
      {creating && <CampaignFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}
