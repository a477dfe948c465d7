/**
 * F1/F2 of the caller's area, with those received from other communes marked on each row.
 * Test ids: contacts-page, contacts-filter-level|status|handover, contacts-search, contacts-export, contacts-table, contacts-total.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE_OPTIONS } from '../../api/paging';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { UnitSelect } from '../units/UnitSelect';
import { caseLinks, useContacts } from './api';
import { CasesTabs } from './CasesTabs';
import { ContactsTable } from './ContactsTable';
import { contactStatusOptions, levelOptions } from './labels';
import { SearchBox } from './SearchBox';
import { CONTACT_FILTERS, type ContactQuery } from './types';

export function ContactsListPage() {
  const { t } = useTranslation();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(CONTACT_FILTERS);
  const query = filters as ContactQuery;
  const contacts = useContacts({ ...query, page, pageSize });
  const select = (key: 'level' | 'status' | 'handover', options: { value: string; label: string }[], width: number) => (
    <Select
      allowClear
      value={query[key] || undefined}
      onChange={(v?: string) => setFilters({ [key]: v ?? '' })}
      options={options}
      placeholder={t(`contacts.filters.${key}`)}
      aria-label={t(`contacts.filters.${key}`)}
      style={{ width }}
      data-testid={`contacts-filter-${key}`}
    />
  );

  return (
    <div data-testid="contacts-page">
      <PageHeader
        title={t('contacts.title')}
        extra={<Button icon={<DownloadOutlined />} href={caseLinks.contactsXlsx(query)} data-testid="contacts-export">{t('common.exportXlsx')}</Button>}
      />
      <CasesTabs />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox value={query.q ?? ''} onChange={(q) => setFilters({ q })} placeholder={t('contacts.filters.search')} testId="contacts-search" />
          <div style={{ width: 220 }}>
            <UnitSelect allowClear value={query.unit || undefined} onChange={(c) => setFilters({ unit: c ?? '' })} placeholder={t('cases.filters.unit')} />
          </div>
          {select('level', levelOptions(), 100)}
          {select('status', contactStatusOptions(t), 170)}
          {select('handover', [{ value: 'received', label: t('contacts.filters.received') }, { value: 'sent', label: t('contacts.filters.sent') }], 220)}
        </Flex>
        {contacts.error && !contacts.data ? (
          <ErrorResult error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : (
          <ContactsTable
            contacts={contacts.data?.items ?? []}
            loading={contacts.isFetching}
            pagination={{
              current: page, pageSize, total: contacts.data?.total ?? 0, onChange: setPage, showSizeChanger: true, pageSizeOptions: PAGE_SIZE_OPTIONS,
              showTotal: (n) => <span data-testid="contacts-total">{t('contacts.total', { count: n })}</span>,
            }}
          />
        )}
      </Card>
    </div>
  );
}
