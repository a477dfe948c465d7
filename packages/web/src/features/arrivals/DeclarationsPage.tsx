/**
 * Declarations of people arriving in the caller's area, public and staff-recorded.
 * Test ids: declarations-page, declarations-search|unit|dates|from-zone, declarations-export, declarations-create,
 * declarations-table, declaration-row (data-id), declaration-receipt|name|from|zone|arrival.
 */
import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { arrivalLinks, useDeclarations } from './api';
import { ArrivalsTabs } from './ArrivalsTabs';
import { DeclarationsFilterBar } from './DeclarationsFilterBar';
import { DeclarationsTable } from './DeclarationsTable';
import { StaffDeclarationDrawer } from './StaffDeclarationDrawer';
import { DECLARATION_FILTERS, type DeclarationFilters } from './types';

export function DeclarationsPage() {
  const { t } = useTranslation();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(DECLARATION_FILTERS);
  const query = filters as DeclarationFilters;
  const list = useDeclarations({ ...query, page, pageSize });
  const [formOpen, setFormOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);

  return (
    <div data-testid="declarations-page">
      <PageHeader
        title={t('arrivals.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={arrivalLinks.declarations(query)} data-testid="declarations-export">
              {t('common.exportXlsx')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => {
                  setFormKey((k) => k + 1);
                  setFormOpen(true);
                }}
                data-testid="declarations-create"
              >
                {t('arrivals.declarations.create')}
              </Button>
            )}
          </>
        }
      />
      <ArrivalsTabs />
      <Card>
        <DeclarationsFilterBar value={query} onChange={setFilters} />
        {list.error && !list.data ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <DeclarationsTable rows={list.data?.items ?? []} total={list.data?.total ?? 0} loading={list.isFetching} page={page} pageSize={pageSize} onPage={setPage} />
        )}
      </Card>
      <StaffDeclarationDrawer key={formKey} open={formOpen} onClose={() => setFormOpen(false)} />
    </div>
  );
}
