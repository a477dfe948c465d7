/**
 * Deaths and orphaned children for a unit and each unit under it: numbers only, so observers see it too.
 * Test ids: deaths-stats, deaths-stats-row (data-unit), deaths-stats-total, deaths-stats-xlsx.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { UnitSelect } from '../units/UnitSelect';
import { orphanLinks, useDeathsOrphansStats, type StatsQuery } from './api';
import type { DeathsOrphansStats } from './types';

type Row = DeathsOrphansStats['rows'][number];

export function DeathsStatsCard() {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query: StatsQuery = { unit, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const stats = useDeathsOrphansStats(query);
  const c = (k: string) => t(`orphans.stats.${k}` as 'orphans.stats.deaths');
  const figures = ['deaths', 'orphans', 'supportNone', 'supportProposed', 'supportReceiving'] as const;

  return (
    <Card
      title={stats.data ? t('orphans.stats.title', { unit: stats.data.unitName }) : c('titlePlain')}
      data-testid="deaths-stats"
      extra={<Button icon={<DownloadOutlined />} href={orphanLinks.statsXlsx(query)} data-testid="deaths-stats-xlsx">{t('common.exportXlsx')}</Button>}
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 260 }}>
          <UnitSelect allowClear value={unit} onChange={setUnit} placeholder={c('unit')} />
        </div>
        <DatePicker.RangePicker format="DD/MM/YYYY" value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} placeholder={[c('from'), c('to')]} />
      </Flex>
      {stats.error ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Table<Row>
          rowKey="unitCode"
          size="small"
          loading={stats.isLoading}
          dataSource={stats.data?.rows ?? []}
          pagination={false}
          onRow={(r) => ({ 'data-testid': 'deaths-stats-row', 'data-unit': r.unitCode }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: c('unitColumn'), dataIndex: 'unitName' },
            ...figures.map((k) => ({ title: c(k), dataIndex: k, align: 'right' as const })),
          ]}
          summary={() =>
            stats.data ? (
              <Table.Summary.Row data-testid="deaths-stats-total">
                <Table.Summary.Cell index={0}><b>{t('common.total')}</b></Table.Summary.Cell>
                {figures.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right"><b>{stats.data.totals[k]}</b></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Card>
  );
}
