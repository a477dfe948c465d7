import { AGE_BANDS, type AgeBand } from '@pcd/core';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../app/format';
import type { UnitPopulation } from './types';

interface Row {
  band: AgeBand;
  count: number;
}

export function PopulationTable({ population }: { population: UnitPopulation }) {
  const { t, i18n } = useTranslation();
  const rows: Row[] = AGE_BANDS.map((band) => ({ band, count: population.byAge[band] ?? 0 }));
  const total = population.total;

  return (
    <Table<Row>
      data-testid="unit-population-table"
      size="small"
      rowKey="band"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('population.band'), dataIndex: 'band', render: (band: AgeBand) => t(`population.bands.${band}`) },
        {
          title: t('population.count'),
          dataIndex: 'count',
          align: 'right',
          render: (n: number, row) => (
            <span className="pcd-num" data-testid={`population-count-${row.band}`}>
              {formatNumber(n, i18n.language)}
            </span>
          ),
        },
        {
          title: t('population.share'),
          key: 'share',
          align: 'right',
          render: (_: unknown, row) => <span className="pcd-num">{formatPercent(row.count, total, i18n.language)}</span>,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('population.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong className="pcd-num" data-testid="population-total">
              {formatNumber(total, i18n.language)}
            </strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {total > 0 ? '100%' : ''}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
