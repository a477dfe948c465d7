/**
 * Coverage of a unit on a date: a bar per group and measure (numerator/denominator, percent), the unit's
 * targets under their bar with the gap in people and on track / behind, a table per unit below, XLSX export.
 * Figures only, so observers see it.
 * Test ids: coverage-page, coverage-unit, coverage-date, coverage-xlsx, coverage-group (data-group),
 * coverage-table-group, coverage-row (data-unit).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate, vnDate, VACCINATION_GROUPS, type VaccinationGroup } from '@pcd/core';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { UnitSelect } from '../units/UnitSelect';
import { useCoverage, useTargets, vaccinationLinks, type CoverageQuery } from './api';
import { MeasureBar } from './MeasureBar';
import { TargetLine } from './TargetLine';
import type { CoverageStats, GroupFigure, VaccinationTarget } from './types';

function GroupCard({ figure, targets }: { figure: GroupFigure; targets: VaccinationTarget[] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="coverage-group"
      data-group={figure.group}
      title={t(`vaccination.groups.${figure.group}`)}
      extra={
        <Tag color={figure.denominatorSource === 'population' ? 'blue' : 'default'}>
          {figure.denominatorSource === 'population' ? t('vaccination.coverage.sourcePopulation') : t('vaccination.coverage.sourceRegistry')}
        </Tag>
      }
    >
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        {figure.measures.map((m) => {
          const own = targets.filter((x) => x.group === figure.group && x.measure === m.measure);
          return (
            <div key={m.measure}>
              <MeasureBar group={figure.group} figure={m} denominator={figure.denominator} targetPercent={own[0]?.percent} />
              {own.map((x) => <TargetLine key={x.id} target={x} />)}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}

function ChildTable({ stats, group, loading }: { stats: CoverageStats | undefined; group: VaccinationGroup; loading: boolean }) {
  const { t } = useTranslation();
  const cell = (g: GroupFigure | undefined, measure: string) => {
    const m = g?.measures.find((x) => x.measure === measure);
    if (!g || !m) return '';
    return `${m.numerator.toLocaleString('vi-VN')}${m.percent === null ? '' : ` (${m.percent.toLocaleString('vi-VN')}%)`}`;
  };
  const rows = (stats?.children ?? []).map((c) => ({ unitCode: c.unitCode, unitName: c.unitName, g: c.groups.find((x) => x.group === group) }));
  const total = stats?.groups.find((x) => x.group === group);
  return (
    <Table
      rowKey="unitCode"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description={t('vaccination.coverage.noChildren')} /> }}
      onRow={(r) => ({ 'data-testid': 'coverage-row', 'data-unit': r.unitCode }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('vaccination.coverage.unitColumn'), dataIndex: 'unitName' },
        { title: t('vaccination.coverage.denominator'), align: 'right', render: (_, r) => r.g?.denominator.toLocaleString('vi-VN') ?? '' },
        ...(['dose1', 'full', 'booster'] as const).map((m) => ({ title: t(`vaccination.measures.${m}`), align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => cell(r.g, m) })),
      ]}
      summary={() =>
        total ? (
          <Table.Summary.Row data-testid="coverage-total">
            <Table.Summary.Cell index={0}><b>{t('common.total')}</b></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><b>{total.denominator.toLocaleString('vi-VN')}</b></Table.Summary.Cell>
            {(['dose1', 'full', 'booster'] as const).map((m, i) => (
              <Table.Summary.Cell key={m} index={i + 2} align="right"><b>{cell(total, m)}</b></Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

export function CoveragePage() {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | undefined>();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [tableGroup, setTableGroup] = useState<VaccinationGroup>('18+');
  const query: CoverageQuery = { unit, date: date?.format('YYYY-MM-DD') };
  const stats = useCoverage(query);
  const targets = useTargets({ unit });
  const d = stats.data;
  const own = (targets.data?.items ?? []).filter((x) => x.unitCode === d?.unitCode);

  return (
    <div data-testid="coverage-page">
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <div style={{ width: 280 }}>
            <UnitSelect allowClear value={unit} onChange={setUnit} placeholder={t('vaccination.coverage.unit')} data-testid="coverage-unit" />
          </div>
          <DatePicker
            format="DD/MM/YYYY"
            value={date}
            onChange={setDate}
            placeholder={t('vaccination.coverage.date')}
            disabledDate={(x) => x.isAfter(dayjs(vnDate()), 'day')}
            data-testid="coverage-date"
          />
        </Flex>
        <Button icon={<DownloadOutlined />} href={vaccinationLinks.coverageXlsx(query)} data-testid="coverage-xlsx">{t('common.exportXlsx')}</Button>
      </Flex>
      {stats.error ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={d ? t('vaccination.coverage.title', { unit: d.unitName, date: formatDate(d.date) }) : ''} loading={stats.isLoading}>
            <Row gutter={[12, 12]}>
              {d?.groups.map((g) => (
                <Col key={g.group} xs={24} md={12} xl={8}>
                  <GroupCard figure={g} targets={own} />
                </Col>
              ))}
            </Row>
          </Card>
          <Card
            title={t('vaccination.coverage.byUnit')}
            extra={
              <Select<VaccinationGroup>
                value={tableGroup}
                onChange={setTableGroup}
                style={{ width: 220 }}
                aria-label={t('vaccination.coverage.tableGroup')}
                data-testid="coverage-table-group"
                options={VACCINATION_GROUPS.map((g) => ({ value: g, label: t(`vaccination.groups.${g}`) }))}
              />
            }
          >
            <ChildTable stats={d} group={tableGroup} loading={stats.isLoading} />
          </Card>
          {d && own.length === 0 && targets.data && (
            <Typography.Text type="secondary">{t('vaccination.targets.empty')}</Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}
