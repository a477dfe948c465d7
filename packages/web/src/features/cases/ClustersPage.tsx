/** Clusters with their F0/F1/F2 counts (no personal data), each opening its chain. Test ids: clusters-page, cluster-create, clusters-table. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PAGE_SIZE_OPTIONS } from '../../api/paging';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { caseLinks, useClusters } from './api';
import { CasesTabs } from './CasesTabs';
import { ClusterFormModal } from './ClusterFormModal';
import { dateText } from './labels';
import { SearchBox } from './SearchBox';
import type { Cluster } from './types';

const FILTERS = ['q'] as const;

export function ClustersPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const clusters = useClusters({ q: filters.q || undefined, page, pageSize });
  const [open, setOpen] = useState(false);
  const c = (k: string) => t(`clusters.columns.${k}` as 'clusters.columns.name');

  return (
    <div data-testid="clusters-page">
      <PageHeader
        title={t('clusters.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={caseLinks.clustersXlsx()}>{t('common.exportXlsx')}</Button>
            {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="cluster-create">{t('clusters.create')}</Button>}
          </>
        }
      />
      <CasesTabs />
      <Card>
        <Flex style={{ marginBottom: 16 }}>
          <SearchBox value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('common.search')} testId="clusters-search" />
        </Flex>
        {clusters.error && !clusters.data ? (
          <ErrorResult error={clusters.error} onRetry={() => void clusters.refetch()} />
        ) : (
          <Table<Cluster>
            rowKey="id"
            size="middle"
            data-testid="clusters-table"
            loading={clusters.isFetching}
            dataSource={clusters.data?.items ?? []}
            pagination={{ current: page, pageSize, total: clusters.data?.total ?? 0, onChange: setPage, showSizeChanger: true, pageSizeOptions: PAGE_SIZE_OPTIONS }}
            columns={[
              { title: c('name'), render: (_, k) => <Link to={`/cases?clusterId=${k.id}`}>{k.name}</Link> },
              { title: c('setting'), render: (_, k) => t(`clusters.settings.${k.setting}`) },
              { title: c('unit'), dataIndex: 'unitName' },
              { title: c('firstDate'), render: (_, k) => dateText(k.firstDate) },
              { title: c('cases'), align: 'right', render: (_, k) => k.counts.cases },
              { title: c('active'), align: 'right', render: (_, k) => k.counts.activeCases },
              { title: c('deaths'), align: 'right', render: (_, k) => k.counts.deaths },
              { title: c('f1'), align: 'right', render: (_, k) => k.counts.f1 },
              { title: c('f2'), align: 'right', render: (_, k) => k.counts.f2 },
              { title: '', render: (_, k) => <Link to={`/cases/chain/${k.id}`}>{t('clusters.chain')}</Link> },
            ]}
          />
        )}
      </Card>
      <ClusterFormModal open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
