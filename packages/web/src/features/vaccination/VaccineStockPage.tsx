/**
 * "Vắc xin": the stock of a province, district or commune per vaccine, its movements, and allocation
 * requests up and down. Observers see the stock figures only.
 * Test ids: stock-page, stock-unit, stock-table, stock-row (data-product), stock-balance, stock-record, stock-export, movements-table.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Alert, Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { FieldToolbar } from './FieldToolbar';
import { useCurrentSession, usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { AllocationsCard } from './AllocationsCard';
import { movementsXlsx, stockXlsx, useMovements, useStock } from './field-api';
import type { Movement, StockLine } from './field-types';
import { MovementFormModal } from './MovementFormModal';

export function VaccineStockPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canPlan = usePermission('vaccination.plan');
  const [unit, setUnit] = useState<string | undefined>(user.unitCode ?? undefined);
  const [page, setPage] = useState(1);
  const stock = useStock(unit);
  const movements = useMovements(canPlan ? unit : undefined, page);
  const [recording, setRecording] = useState(false);
  const c = (k: string) => t(`vaccinationField.stock.columns.${k}` as 'vaccinationField.stock.columns.product');
  const m = (k: string) => t(`vaccinationField.stock.movementColumns.${k}` as 'vaccinationField.stock.movementColumns.date');
  const num = (key: keyof Omit<StockLine, 'productCode' | 'productName'>) => ({ title: c(key === 'recordedDoses' ? 'recorded' : key), dataIndex: key, align: 'right' as const, render: (v: number) => v.toLocaleString('vi-VN') });

  return (
    <div data-testid="stock-page">
      <FieldToolbar
        title={t('vaccinationField.stock.title')}
        extra={
          <Space>
            <div style={{ width: 260 }}><UnitSelect value={unit} valueLabel={unit === user.unitCode ? user.unitName : undefined} onChange={(v) => { setUnit(v); setPage(1); }} data-testid="stock-unit" /></div>
            <Button icon={<DownloadOutlined />} href={stockXlsx(unit)} disabled={!unit} data-testid="stock-export">{t('common.exportXlsx')}</Button>
            {canPlan && unit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="stock-record">{t('vaccinationField.stock.record')}</Button>}
          </Space>
        }
      />
      <Alert type="info" showIcon message={t('vaccinationField.stock.hint')} style={{ marginBottom: 12 }} />
      {stock.error ? <ErrorResult error={stock.error} onRetry={() => void stock.refetch()} /> : (
        <Card style={{ marginBottom: 16 }} title={stock.data?.unitName}>
          <Table<StockLine>
            data-testid="stock-table" rowKey="productCode" size="small" loading={stock.isFetching} dataSource={stock.data?.lines ?? []} pagination={false}
            onRow={(l) => ({ 'data-testid': 'stock-row', 'data-product': l.productCode }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: c('product'), dataIndex: 'productName' },
              num('received'), num('allocated'), num('used'), num('wasted'), num('returned'),
              { ...num('balance'), render: (v: number) => <b data-testid="stock-balance">{v.toLocaleString('vi-VN')}</b> },
              num('recordedDoses'),
            ]}
            summary={() => stock.data && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><b>{t('vaccinationField.stock.totals')}</b></Table.Summary.Cell>
                {(['received', 'allocated', 'used', 'wasted', 'returned', 'balance', 'recordedDoses'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right"><b>{stock.data!.totals[k].toLocaleString('vi-VN')}</b></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
      {canPlan && unit && !stock.error && (
        <>
          <AllocationsCard unitCode={unit} canRequest />
          <Card title={t('vaccinationField.stock.movements')} style={{ marginTop: 16 }} extra={<Button icon={<DownloadOutlined />} href={movementsXlsx(unit)}>{t('common.exportXlsx')}</Button>}>
            <Table<Movement>
              data-testid="movements-table" rowKey="id" size="small" loading={movements.isFetching} dataSource={movements.data?.items ?? []}
              pagination={{ current: page, pageSize: 10, total: movements.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
              columns={[
                { title: m('date'), width: 110, render: (_, x) => formatDate(x.date) },
                { title: m('product'), dataIndex: 'productName' },
                { title: m('kind'), render: (_, x) => t(`vaccinationField.kinds.${x.kind}`) },
                { title: m('quantity'), dataIndex: 'quantity', align: 'right' },
                { title: m('counterpart'), render: (_, x) => [x.counterpartUnitName, x.counterpart].filter(Boolean).join(' · ') },
                { title: m('note'), render: (_, x) => [x.lot, x.note].filter(Boolean).join(' · ') },
              ]}
            />
          </Card>
        </>
      )}
      {recording && unit && <MovementFormModal unitCode={unit} onClose={() => setRecording(false)} />}
    </div>
  );
}
