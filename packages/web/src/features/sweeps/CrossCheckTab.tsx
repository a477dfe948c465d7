import { DownloadOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Button, Card, Col, Flex, Row, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { sweepLinks, useCrossCheck } from './api';
import type { CrossCheckEntry, SweepDetail } from './types';

function EntriesTable({ entries, testId, empty }: { entries: CrossCheckEntry[]; testId: string; empty: string }) {
  const { t } = useTranslation();
  return (
    <Table<CrossCheckEntry>
      data-testid={testId}
      rowKey={(e) => `${e.source}-${e.recordId}-${e.personId ?? e.fullName}`}
      size="small"
      pagination={false}
      dataSource={entries}
      scroll={{ x: 640 }}
      locale={{ emptyText: empty }}
      onRow={() => ({ 'data-testid': `${testId}-row` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('sweeps.crossCheck.fullName'),
          dataIndex: 'fullName',
          render: (name: string, e) => (e.personId ? <Link to={`/people/${e.personId}`}>{name}</Link> : name),
        },
        { title: t('sweeps.crossCheck.birthYear'), dataIndex: 'birthYear', width: 90, render: (y: number | null) => y ?? t('common.empty') },
        { title: t('sweeps.crossCheck.idNumber'), dataIndex: 'idNumber', width: 140, render: (v: string | null) => v ?? t('common.empty') },
        { title: t('sweeps.crossCheck.unit'), dataIndex: 'unitName', width: 130 },
        { title: t('sweeps.crossCheck.arrivalDate'), dataIndex: 'arrivalDate', width: 110, render: (d: string | null) => (d ? formatDate(d) : t('common.empty')) },
        { title: t('sweeps.crossCheck.origin'), dataIndex: 'origin', ellipsis: true, render: (v: string | null) => v ?? t('common.empty') },
      ]}
    />
  );
}

/**
 * The police cross-check: arrivals declared to the commune against arrivals found at the door, in the
 * window the server picks (two weeks before the sweep to its end). Each side lists who the other lacks.
 */
export function CrossCheckTab({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  const check = useCrossCheck(sweep.id);
  if (check.error) return <ErrorResult error={check.error} onRetry={() => void check.refetch()} />;
  if (!check.data) return <Spin style={{ display: 'block', margin: 24 }} />;
  const c = check.data;
  return (
    <Flex vertical gap={16} data-testid="sweep-cross-check">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text data-testid="sweep-cross-check-summary">
          {t('sweeps.crossCheck.summary', { from: formatDate(c.fromDate), to: formatDate(c.toDate), declared: c.declared, found: c.found, matched: c.matched })}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={sweepLinks.crossCheckXlsx(sweep.id)} data-testid="sweep-cross-check-export">
          {t('common.exportXlsx')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card size="small" title={t('sweeps.crossCheck.onlyDeclared', { count: c.onlyDeclared.length })}>
            <EntriesTable entries={c.onlyDeclared} testId="sweep-only-declared" empty={t('sweeps.crossCheck.noneDeclared')} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('sweeps.crossCheck.onlyFound', { count: c.onlyFound.length })}>
            <EntriesTable entries={c.onlyFound} testId="sweep-only-found" empty={t('sweeps.crossCheck.noneFound')} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
