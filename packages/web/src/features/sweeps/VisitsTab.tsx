import { DownloadOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '@pcd/core';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PAGE_SIZE } from '../../api/paging';
import { ErrorResult } from '../../layout/ErrorResult';
import { sweepLinks, useVisits } from './api';
import { isSymptom } from './labels';
import type { SweepDetail, Visit, VisitArrival } from './types';
import { serverPagination } from '../../api/serverPagination';

const names = (list: { fullName: string }[]) => list.map((p) => p.fullName).join(', ');

function ArrivalsCell({ arrivals }: { arrivals: VisitArrival[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {arrivals.map((a) => (
        <span key={a.personId} data-testid="sweep-visit-arrival">
          {a.fullName}
          {a.created && <Tag style={{ marginInlineStart: 6 }}>{t('sweeps.visits.newRecord')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {[a.originName && t('sweeps.visits.from', { place: a.originName }), a.arrivalDate && t('sweeps.visits.arrivedOn', { date: formatDate(a.arrivalDate) })].filter(Boolean).join(' · ')}
          </Typography.Text>
        </span>
      ))}
    </Flex>
  );
}

/** Every visit to the sweep's households (a team member's own households only), newest first. */
export function VisitsTab({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const visits = useVisits(sweep.id, paging);
  if (visits.error && !visits.data) return <ErrorResult error={visits.error} onRetry={() => void visits.refetch()} />;
  return (
    <div>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={sweepLinks.visitsXlsx(sweep.id)} data-testid="sweep-visits-export">
          {t('common.exportXlsx')}
        </Button>
      </Flex>
      <Table<Visit>
        data-testid="sweep-visits"
        rowKey="id"
        size="middle"
        loading={visits.isFetching}
        dataSource={visits.data?.items ?? []}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('sweeps.visits.empty') }}
        onRow={(v) => ({ 'data-testid': 'sweep-visit-row', 'data-id': String(v.id) }) as React.HTMLAttributes<HTMLElement>}
        pagination={serverPagination(t, { page: paging.page, pageSize: paging.pageSize, total: visits.data?.total ?? 0, onChange: (page, pageSize) => setPaging({ page, pageSize }), totalTestId: 'sweep-visits-total' })}
        columns={[
          { title: t('sweeps.visits.time'), dataIndex: 'visitedAt', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('sweeps.households.household'),
            key: 'household',
            width: 200,
            render: (_: unknown, v) => [v.householdCode, v.headName].filter(Boolean).join(' · ') || t('sweeps.households.unnamed', { id: v.householdId }),
          },
          { title: t('sweeps.visits.by'), dataIndex: 'visitedByName', width: 160 },
          { title: t('sweeps.visit.outcome'), dataIndex: 'outcome', width: 170, render: (o: Visit['outcome']) => <span data-testid="sweep-visit-outcome">{t(`sweeps.outcomes.${o}`)}</span> },
          { title: t('sweeps.visit.present'), key: 'present', width: 180, render: (_: unknown, v) => names(v.present) },
          { title: t('sweeps.visit.absent'), key: 'absent', width: 160, render: (_: unknown, v) => names(v.absent) },
          { title: t('sweeps.visit.arrivals'), key: 'arrivals', width: 260, render: (_: unknown, v) => <ArrivalsCell arrivals={v.arrivals} /> },
          {
            title: t('sweeps.visit.symptoms'),
            key: 'symptoms',
            width: 160,
            render: (_: unknown, v) => v.symptoms.map((s) => (isSymptom(s) ? t(`sweeps.symptoms.${s}`) : s)).join(', '),
          },
          { title: t('sweeps.visits.followUp'), dataIndex: 'followUpCreated', width: 110, render: (f: boolean) => (f ? t('sweeps.visits.yes') : '') },
          { title: t('sweeps.visit.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
    </div>
  );
}
