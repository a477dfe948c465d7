/**
 * Residents of the caller's area: server-paged, searched and filtered, with the same filters in the URL and the export.
 * Test ids: people-page, people-search, people-filter-unit|status|age|flag, people-export, person-create-button,
 * people-import-button, people-table, person-row (data-id), person-name, person-edit, people-total.
 */
import { DownloadOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useCurrentSession, usePermission } from '../auth/session';
import { peopleLinks, usePeople } from './api';
import { PeopleFilterBar } from './PeopleFilterBar';
import { PeopleTable } from './PeopleTable';
import { PeopleTabs } from './PeopleTabs';
import { PersonFormDrawer } from './PersonFormDrawer';
import { ResidentImportDialog } from './ResidentImportDialog';
import { PEOPLE_FILTERS, type PeopleQuery, type Person } from './types';

export function PeopleListPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canWrite = usePermission('personal.write');
  const { page, pageSize, filters, setPage, setFilters } = useListParams(PEOPLE_FILTERS);
  const query = filters as PeopleQuery;
  const people = usePeople({ ...query, page, pageSize });
  const [editing, setEditing] = useState<Person | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  // A new key per opening gives the drawer a fresh form, never the values typed the last time.
  const [formKey, setFormKey] = useState(0);
  const [importOpen, setImportOpen] = useState(false);

  const openForm = (person: Person | null) => {
    setEditing(person);
    setFormKey((k) => k + 1);
    setFormOpen(true);
  };

  return (
    <div data-testid="people-page">
      <PageHeader
        title={t('people.title')}
        extra={
          <>
            <Tooltip title={t('people.exportHint')}>
              <Button icon={<DownloadOutlined />} href={peopleLinks.exportXlsx(query)} data-testid="people-export">
                {t('common.exportXlsx')}
              </Button>
            </Tooltip>
            {canWrite && (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="people-import-button">
                {t('people.importButton')}
              </Button>
            )}
            {canWrite && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => openForm(null)} data-testid="person-create-button">
                {t('people.create')}
              </Button>
            )}
          </>
        }
      />
      <PeopleTabs />
      {user.role === 'team' && <Alert type="info" showIcon title={t('people.teamScope')} style={{ marginBottom: 16 }} data-testid="people-team-scope" />}
      <Card>
        <PeopleFilterBar value={filters} onChange={setFilters} />
        {people.error && !people.data ? (
          <ErrorResult error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <PeopleTable
            people={people.data?.items ?? []}
            total={people.data?.total ?? 0}
            loading={people.isFetching}
            page={page}
            pageSize={pageSize}
            onPage={setPage}
            onEdit={canWrite ? openForm : undefined}
          />
        )}
      </Card>
      <PersonFormDrawer key={formKey} open={formOpen} person={editing} onClose={() => setFormOpen(false)} />
      <ResidentImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </div>
  );
}
