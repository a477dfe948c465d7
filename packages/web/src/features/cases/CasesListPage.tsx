/**
 * F0 cases of the caller's area, filtered on the server with the filters in the URL and the export.
 * Test ids: cases-page, cases-search, cases-filter-*, cases-export, case-create-button, cases-table, case-name, cases-total.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { caseLinks, useCases } from './api';
import { CaseFormDrawer } from './CaseFormDrawer';
import { CasesFilterBar } from './CasesFilterBar';
import { CasesTable } from './CasesTable';
import { CasesTabs } from './CasesTabs';
import { CASE_FILTERS, type CaseQuery } from './types';

export function CasesListPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(CASE_FILTERS);
  const query = filters as CaseQuery;
  const cases = useCases({ ...query, page, pageSize });
  const [formOpen, setFormOpen] = useState(false);

  return (
    <div data-testid="cases-page">
      <PageHeader
        title={t('cases.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={caseLinks.casesXlsx(query)} data-testid="cases-export">{t('common.exportXlsx')}</Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="case-create-button">{t('cases.create')}</Button>
            )}
          </>
        }
      />
      <CasesTabs />
      <Card>
        <CasesFilterBar value={query} onChange={setFilters} />
        {cases.error && !cases.data ? (
          <ErrorResult error={cases.error} onRetry={() => void cases.refetch()} />
        ) : (
          <CasesTable cases={cases.data?.items ?? []} total={cases.data?.total ?? 0} loading={cases.isFetching} page={page} pageSize={pageSize} onPage={setPage} />
        )}
      </Card>
      <CaseFormDrawer open={formOpen} onClose={() => setFormOpen(false)} />
    </div>
  );
}
