/**
 * Epidemic zones: every user sees every list; province/district command declares and ends them.
 * Test ids: zones-page, zones-search, zones-today, zones-export, zone-create, zone-form, zone-origin-*, zone-code,
 * zone-from, zone-to, zone-save, zones-table, zone-row (data-id), zone-name, zone-from-date, zone-to-date, zone-status, zone-end.
 */
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { formatDate, vnDate } from '@pcd/core';
import { Button, Card, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { useDebounced } from '../../app/useDebounced';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { arrivalLinks, useZones } from './api';
import { ArrivalsTabs } from './ArrivalsTabs';
import { EndZoneModal } from './EndZoneModal';
import type { Zone } from './types';
import { ZoneFormModal } from './ZoneFormModal';
import { useZoneManager } from './useZoneManager';
import { serverPagination } from '../../api/serverPagination';

const FILTERS = ['q', 'when'] as const;

export function ZonesPage() {
  const { t } = useTranslation();
  const canManage = useZoneManager();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const today = vnDate();
  const query = { q: filters.q, on: filters.when === 'all' ? undefined : today };
  const list = useZones({ ...query, page, pageSize });
  const [search, setSearch] = useState(filters.q);
  const typed = useDebounced(search.trim(), 400);
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Zone | null>(null);

  useEffect(() => {
    if (typed !== filters.q) setFilters({ q: typed });
  }, [typed]);

  const status = (z: Zone) =>
    z.activeToday ? (
      <Tag color="red">{t('arrivals.zones.active')}</Tag>
    ) : z.fromDate > today ? (
      <Tag color="orange">{t('arrivals.zones.notYet')}</Tag>
    ) : (
      <Tag>{t('arrivals.zones.endedTag')}</Tag>
    );

  return (
    <div data-testid="zones-page">
      <PageHeader
        title={t('arrivals.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={arrivalLinks.zones(query)} data-testid="zones-export">
              {t('common.exportXlsx')}
            </Button>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="zone-create">
                {t('arrivals.zones.create')}
              </Button>
            )}
          </>
        }
      />
      <ArrivalsTabs />
      <Card>
        <Typography.Paragraph type="secondary">{t('arrivals.zones.intro')}</Typography.Paragraph>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('arrivals.zones.searchPlaceholder')}
            aria-label={t('arrivals.zones.searchPlaceholder')}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="zones-search"
          />
          <Segmented
            data-testid="zones-today"
            value={filters.when === 'all' ? 'all' : 'today'}
            onChange={(v) => setFilters({ when: v === 'all' ? 'all' : '' })}
            options={[
              { value: 'today', label: t('arrivals.zones.inForceToday') },
              { value: 'all', label: t('arrivals.zones.allZones') },
            ]}
          />
        </Flex>
        {list.error && !list.data ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Zone>
            data-testid="zones-table"
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('arrivals.zones.empty') }}
            onRow={(z) => ({ 'data-testid': 'zone-row', 'data-id': String(z.id) }) as React.HTMLAttributes<HTMLElement>}
            pagination={serverPagination(t, { page, pageSize, total: list.data?.total ?? 0, onChange: setPage })}
            columns={[
              {
                title: t('arrivals.zones.unit'),
                key: 'unit',
                render: (_: unknown, z) => (
                  <Flex vertical>
                    <Typography.Text strong data-testid="zone-name">
                      {z.unitName}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t(`tiers.${z.unitTier as 'province'}`, { defaultValue: z.unitTier })} · {z.unitCode}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('arrivals.zones.fromDate'), dataIndex: 'fromDate', width: 110, render: (d: string) => <span data-testid="zone-from-date">{formatDate(d)}</span> },
              {
                title: t('arrivals.zones.toDate'),
                dataIndex: 'toDate',
                width: 130,
                render: (d: string | null) => <span data-testid="zone-to-date">{d ? formatDate(d) : t('arrivals.zones.open')}</span>,
              },
              { title: t('arrivals.fields.status'), key: 'status', width: 150, render: (_: unknown, z) => <span data-testid="zone-status">{status(z)}</span> },
              {
                title: t('arrivals.zones.declaredBy'),
                dataIndex: 'declaredByCode',
                width: 130,
                render: (c: string | null) => c ?? t('arrivals.zones.national'),
              },
              { title: t('arrivals.zones.note'), dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? t('common.empty') },
              ...(canManage
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 120,
                      render: (_: unknown, z: Zone) =>
                        !z.toDate || z.toDate >= today ? (
                          <Button type="link" size="small" onClick={() => setEnding(z)} data-testid="zone-end">
                            {t('arrivals.zones.end')}
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {creating && <ZoneFormModal open onClose={() => setCreating(false)} />}
      <EndZoneModal key={ending?.id ?? 0} zone={ending} onClose={() => setEnding(null)} />
    </div>
  );
}
