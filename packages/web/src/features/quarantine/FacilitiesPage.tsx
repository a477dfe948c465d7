/**
 * Facilities with their occupancy and overload warning.
 * Test ids: facilities-page, facility-create, facility-row (data-id), facility-overload, facility-warning.
 */
import { PlusOutlined } from '@ant-design/icons';
import { FACILITY_STATUS_LABELS } from '@pcd/core';
import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useFacilities } from './api';
import { FacilityFormModal } from './FacilityFormModal';
import { LoadTag } from './LoadTag';
import { QuarantineTabs } from './QuarantineTabs';
import type { Facility } from './types';

export function FacilitiesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useFacilities(page);
  const [creating, setCreating] = useState(false);
  const f = (key: string) => t(`quarantine.facilities.${key}` as 'quarantine.facilities.name');

  return (
    <div data-testid="facilities-page">
      <PageHeader
        title={t('quarantine.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="facility-create">
            {f('create')}
          </Button>
        }
      />
      <QuarantineTabs />
      {list.error ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card title={f('title')}>
          <Table<Facility>
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: f('empty') }}
            onRow={(x) => ({ 'data-testid': 'facility-row', 'data-id': x.id }) as React.HTMLAttributes<HTMLElement>}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
            columns={[
              {
                title: f('name'),
                render: (_, x) => (
                  <>
                    <Link to={`/quarantine/${x.id}`}>{x.name}</Link>
                    {x.warning && (
                      <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="facility-warning">
                        {x.warning}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              { title: f('unit'), dataIndex: 'unitName' },
              { title: f('status'), render: (_, x) => FACILITY_STATUS_LABELS[x.status] },
              { title: f('beds'), dataIndex: 'beds', align: 'right' },
              { title: f('occupied'), dataIndex: 'occupied', align: 'right' },
              { title: f('load'), render: (_, x) => <LoadTag facility={x} /> },
            ]}
          />
        </Card>
      )}
      {creating && <FacilityFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}
