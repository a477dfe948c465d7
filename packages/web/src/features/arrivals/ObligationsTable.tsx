import { formatDate, vnDate } from '@pcd/core';
import { Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLORS, dueItemText, pendingTests, ruleText } from './labels';
import type { Obligation, TestDue } from './types';
import { serverPagination } from '../../api/serverPagination';

export interface ObligationHandlers {
  onTest: (o: Obligation) => void;
  onComplete: (o: Obligation) => void;
  onCancel: (o: Obligation) => void;
  onReopen: (o: Obligation) => void;
}

interface Props {
  rows: Obligation[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** Absent for read-only callers. */
  actions?: ObligationHandlers;
  busyId?: number | null;
}

function TestTag({ test, today }: { test: TestDue; today: string }) {
  const { t } = useTranslation();
  const color = test.doneOn ? (test.result === 'positive' ? 'red' : 'green') : test.date < today ? 'red' : test.date === today ? 'orange' : 'default';
  const done = test.doneOn
    ? ` ✓ ${test.result ? t(`arrivals.results.${test.result}`) : t('arrivals.work.noResult')}`
    : '';
  return (
    <Tag color={color} data-testid="obligation-test" data-day={test.day} data-done={test.doneOn ? '1' : '0'} style={{ marginBottom: 4 }}>
      {t('arrivals.work.testOn', { day: test.day, date: formatDate(test.date) })}
      {done}
    </Tag>
  );
}

/** The commune's follow-ups: who must be tested or released, and when. */
export function ObligationsTable({ rows, total, loading, page, pageSize, onPage, actions, busyId }: Props) {
  const { t } = useTranslation();
  const today = vnDate();
  const pagination: TablePaginationConfig = serverPagination(t, { page, pageSize, total, onChange: onPage, totalTestId: 'obligations-total' });
  return (
    <Table<Obligation>
      data-testid="obligations-table"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 1400 }}
      locale={{ emptyText: t('arrivals.work.empty') }}
      onRow={(o) => ({ 'data-testid': 'obligation-row', 'data-id': String(o.id) }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('arrivals.fields.fullName'),
          key: 'person',
          width: 200,
          fixed: 'left',
          render: (_: unknown, o) => (
            <Flex vertical>
              <Typography.Text strong data-testid="obligation-name">
                {o.fullName}
              </Typography.Text>
              {o.phone && <Typography.Text data-testid="obligation-phone">{o.phone}</Typography.Text>}
              {o.receiptCode && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="obligation-receipt">
                  {o.receiptCode}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t('arrivals.fields.place'),
          key: 'place',
          width: 200,
          render: (_: unknown, o) => (
            <Flex vertical>
              <span>{o.unitName}</span>
              {o.address && <Typography.Text type="secondary">{o.address}</Typography.Text>}
            </Flex>
          ),
        },
        { title: t('arrivals.fields.fromUnitName'), dataIndex: 'fromUnitName', width: 220, render: (v: string | null) => v ?? t('common.empty') },
        {
          title: t('arrivals.fields.arrivalDate'),
          dataIndex: 'startDate',
          width: 110,
          render: (d: string) => <span data-testid="obligation-arrival">{formatDate(d)}</span>,
        },
        {
          title: t('arrivals.work.followUp'),
          key: 'rule',
          width: 220,
          render: (_: unknown, o) => (
            <Flex vertical>
              <span data-testid="obligation-rule">{ruleText(t, o.rule)}</span>
              <Typography.Text type="secondary" data-testid="obligation-end">
                {t('arrivals.work.until', { date: formatDate(o.endDate) })}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('arrivals.work.tests'),
          key: 'tests',
          width: 260,
          render: (_: unknown, o) => (
            <Flex wrap>
              {o.tests.length ? o.tests.map((x) => <TestTag key={x.day} test={x} today={today} />) : t('common.empty')}
            </Flex>
          ),
        },
        {
          title: t('arrivals.work.due'),
          key: 'due',
          width: 220,
          render: (_: unknown, o) => (
            <Flex vertical data-testid="obligation-due">
              {o.overdue.map((i) => (
                <Typography.Text type="danger" key={`o-${i.kind}-${i.day ?? ''}`}>
                  {t('arrivals.work.overdueItem', { what: dueItemText(t, i), date: formatDate(i.date) })}
                </Typography.Text>
              ))}
              {o.dueToday.map((i) => (
                <Typography.Text type="warning" strong key={`t-${i.kind}-${i.day ?? ''}`}>
                  {t('arrivals.work.todayItem', { what: dueItemText(t, i) })}
                </Typography.Text>
              ))}
              {o.state === 'upcoming' && o.nextDueDate && <span>{t('arrivals.work.nextItem', { date: formatDate(o.nextDueDate) })}</span>}
              {o.status === 'cancelled' && o.note && <Typography.Text type="secondary">{o.note}</Typography.Text>}
            </Flex>
          ),
        },
        {
          title: t('arrivals.fields.status'),
          dataIndex: 'state',
          width: 130,
          render: (s: Obligation['state']) => (
            <Tag color={STATE_COLORS[s]} data-testid="obligation-state">
              {t(`arrivals.states.${s}`)}
            </Tag>
          ),
        },
        ...(actions
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right' as const,
                width: 170,
                render: (_: unknown, o: Obligation) =>
                  o.status === 'open' ? (
                    <Flex vertical align="start">
                      {pendingTests(o).length > 0 && (
                        <Button type="link" size="small" onClick={() => actions.onTest(o)} data-testid="obligation-test-button" disabled={busyId === o.id}>
                          {t('arrivals.work.recordTest')}
                        </Button>
                      )}
                      <Popconfirm title={t('arrivals.work.confirmComplete', { name: o.fullName })} onConfirm={() => actions.onComplete(o)} okText={t('common.confirm')}>
                        <Button type="link" size="small" data-testid="obligation-complete" disabled={busyId === o.id}>
                          {t('arrivals.work.complete')}
                        </Button>
                      </Popconfirm>
                      <Button type="link" size="small" danger onClick={() => actions.onCancel(o)} data-testid="obligation-cancel" disabled={busyId === o.id}>
                        {t('arrivals.work.cancel')}
                      </Button>
                    </Flex>
                  ) : (
                    <Popconfirm title={t('arrivals.work.confirmReopen', { name: o.fullName })} onConfirm={() => actions.onReopen(o)} okText={t('common.confirm')}>
                      <Button type="link" size="small" data-testid="obligation-reopen" disabled={busyId === o.id}>
                        {t('arrivals.work.reopen')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
