/**
 * Cases recorded as died, each with "add an orphaned child".
 * Test ids: deaths-card, death-row (data-id), death-add-orphan.
 */
import { PlusOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Button, Card, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { usePermission } from '../auth/session';
import type { Case } from '../cases/types';
import { useDeaths } from './api';
import { AddOrphanModal } from './AddOrphanModal';

export function DeathsCard() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useDeaths(page);
  const canWrite = usePermission('personal.write');
  const [adding, setAdding] = useState<Case | null>(null);
  const c = (k: string) => t(`orphans.deaths.${k}` as 'orphans.deaths.title');

  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card title={c('title')} data-testid="deaths-card">
      <Table<Case>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: c('empty') }}
        onRow={(x) => ({ 'data-testid': 'death-row', 'data-id': x.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: c('case'), render: (_, x) => <Link to={`/cases/${x.id}`}>#{x.id} · {x.person.fullName}</Link> },
          { title: c('birthYear'), render: (_, x) => x.person.birthYear ?? t('common.empty'), width: 90 },
          { title: c('unit'), dataIndex: 'unitName' },
          { title: c('deathDate'), render: (_, x) => (x.deathDate ? formatDate(x.deathDate) : t('common.empty')), width: 120 },
          { title: c('deathPlace'), render: (_, x) => (x.deathPlace ? t(`cases.deathPlaces.${x.deathPlace}`) : t('common.empty')) },
          { title: c('deathCause'), dataIndex: 'deathCause' },
          ...(canWrite
            ? [{
                title: t('common.actions'),
                width: 170,
                render: (_: unknown, x: Case) => (
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(x)} data-testid="death-add-orphan">{c('addOrphan')}</Button>
                ),
              }]
            : []),
        ]}
      />
      {adding && <AddOrphanModal death={adding} onClose={() => setAdding(null)} />}
    </Card>
  );
}
