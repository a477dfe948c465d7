import { formatDate, formatDateTime } from '@pcd/core';
import { Flex, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { birthText } from './labels';
import type { Declaration } from './types';
import { serverPagination } from '../../api/serverPagination';

interface Props {
  rows: Declaration[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

export function DeclarationsTable({ rows, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const pagination: TablePaginationConfig = serverPagination(t, { page, pageSize, total, onChange: onPage, totalTestId: 'declarations-total' });
  return (
    <Table<Declaration>
      data-testid="declarations-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 1650 }}
      locale={{ emptyText: t('arrivals.declarations.empty') }}
      onRow={(d) => ({ 'data-testid': 'declaration-row', 'data-id': String(d.id) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('arrivals.fields.receiptCode'),
          dataIndex: 'receiptCode',
          width: 130,
          fixed: 'left',
          render: (v: string) => (
            <Typography.Text code data-testid="declaration-receipt">
              {v}
            </Typography.Text>
          ),
        },
        {
          title: t('arrivals.fields.fullName'),
          key: 'name',
          width: 190,
          render: (_: unknown, d) => (
            <Flex vertical>
              <Typography.Text strong data-testid="declaration-name">
                {d.fullName}
              </Typography.Text>
              <Typography.Text type="secondary">{birthText(d)}</Typography.Text>
            </Flex>
          ),
        },
        { title: t('arrivals.fields.idNumber'), dataIndex: 'idNumber', width: 140, render: (v: string | null) => v ?? t('common.empty') },
        { title: t('arrivals.fields.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? t('common.empty') },
        {
          title: t('arrivals.fields.fromUnitName'),
          key: 'from',
          width: 260,
          render: (_: unknown, d) => (
            <Flex vertical align="start">
              <span data-testid="declaration-from">{d.fromUnitName}</span>
              {d.fromZone && (
                <Tag color="red" data-testid="declaration-zone">
                  {t('arrivals.declarations.fromZoneTag')}
                </Tag>
              )}
            </Flex>
          ),
        },
        {
          title: t('arrivals.fields.arrivalDate'),
          dataIndex: 'arrivalDate',
          width: 110,
          render: (v: string) => <span data-testid="declaration-arrival">{formatDate(v)}</span>,
        },
        {
          title: t('arrivals.fields.destination'),
          key: 'to',
          width: 220,
          render: (_: unknown, d) => (
            <Flex vertical>
              <span>{d.toUnitName ?? d.toUnitCode}</span>
              <Typography.Text type="secondary">{d.address}</Typography.Text>
            </Flex>
          ),
        },
        { title: t('arrivals.fields.transport'), dataIndex: 'transport', width: 110, render: (v: Declaration['transport']) => t(`declare.transports.${v}`) },
        {
          title: t('arrivals.fields.symptoms'),
          dataIndex: 'symptoms',
          width: 180,
          render: (list: Declaration['symptoms']) =>
            list.length ? list.map((s) => <Tag key={s} color="orange">{t(`declare.symptoms.${s}`)}</Tag>) : t('arrivals.declarations.noSymptoms'),
        },
        { title: t('arrivals.fields.doses'), dataIndex: 'vaccinationDoses', width: 80, className: 'pcd-num' },
        {
          title: t('arrivals.fields.source'),
          key: 'source',
          width: 190,
          render: (_: unknown, d) => (
            <Flex vertical>
              <span>{t(`arrivals.sources.${d.source}`)}</span>
              {d.checkpointName && <Typography.Text type="secondary">{d.checkpointName}</Typography.Text>}
            </Flex>
          ),
        },
        { title: t('arrivals.fields.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
