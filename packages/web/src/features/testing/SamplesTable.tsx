/**
 * The samples of a campaign; a positive pool shows its follow-up single tests right under it.
 * Test ids: samples-table, sample-row (data-id, data-result, data-pooled), followups (data-parent), followup-row (data-id, data-result),
 * sample-result-{negative,positive,invalid}, sample-register-case, sample-case-link.
 */
import { formatDateTime } from '@pcd/core';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { usePermission } from '../auth/session';
import { useRecordResult } from './api';
import { RegisterCaseModal } from './RegisterCaseModal';
import type { Sample } from './types';

const RESULT_COLORS = { pending: 'processing', negative: 'success', positive: 'error', invalid: 'warning' } as const;

export function SamplesTable({ samples, loading }: { samples: Sample[]; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = usePermission('personal.write');
  const record = useRecordResult();
  const showError = useShowError();
  const [registering, setRegistering] = useState<Sample | null>(null);
  const s = (key: string) => t(`testing.sample.${key}` as 'testing.sample.type');

  const top = samples.filter((x) => x.parentSampleId === null);
  const followUps = new Map<number, Sample[]>();
  for (const x of samples) if (x.parentSampleId !== null) followUps.set(x.parentSampleId, [...(followUps.get(x.parentSampleId) ?? []), x]);

  const enter = async (sample: Sample, result: 'negative' | 'positive' | 'invalid') => {
    try {
      const out = await record.mutateAsync({ id: sample.id, result, version: sample.version });
      void message.success(out.followUps.length ? t('testing.sample.followUpsOpened', { count: out.followUps.length }) : s('resultSaved'));
    } catch (err) {
      showError(err);
    }
  };

  const actions = (r: Sample) => {
    if (!canWrite) return null;
    if (r.result === 'pending') {
      return (
        <Space size={4} wrap>
          {(['negative', 'positive', 'invalid'] as const).map((result) => (
            <Button key={result} size="small" danger={result === 'positive'} onClick={() => void enter(r, result)} data-testid={`sample-result-${result}`}>
              {s(`mark${result[0].toUpperCase()}${result.slice(1)}`)}
            </Button>
          ))}
        </Space>
      );
    }
    if (r.result === 'positive' && !r.pooled) {
      return r.caseId ? (
        <Link to={`/cases/${r.caseId}`} data-testid="sample-case-link">{s('viewCase')}</Link>
      ) : (
        <Button size="small" type="primary" danger onClick={() => setRegistering(r)} data-testid="sample-register-case">{s('registerCase')}</Button>
      );
    }
    return null;
  };

  const columns = [
    { title: s('id'), render: (_: unknown, r: Sample) => <Space size={4}>#{r.id}{r.pooled && <Tag>{t('testing.sample.pooled')} {r.poolSize}</Tag>}</Space> },
    { title: s('people'), render: (_: unknown, r: Sample) => r.members.map((m) => m.fullName).join(', ') },
    { title: s('type'), render: (_: unknown, r: Sample) => t(`testing.types.${r.type}`) },
    { title: s('collectedAt'), render: (_: unknown, r: Sample) => formatDateTime(r.collectedAt) },
    { title: s('result'), render: (_: unknown, r: Sample) => <Tag color={RESULT_COLORS[r.result]}>{t(`testing.results.${r.result}`)}</Tag> },
    { title: s('turnaround'), render: (_: unknown, r: Sample) => (r.turnaroundHours === null ? '' : t('testing.sample.hours', { hours: r.turnaroundHours })) },
    { title: t('common.actions'), render: (_: unknown, r: Sample) => actions(r) },
  ];

  return (
    <Card title={s('list')}>
      <Table<Sample>
        rowKey="id"
        size="small"
        data-testid="samples-table"
        loading={loading}
        dataSource={top}
        locale={{ emptyText: s('empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={columns}
        onRow={(r) => ({ 'data-testid': 'sample-row', 'data-id': r.id, 'data-result': r.result, 'data-pooled': String(r.pooled) }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowKeys: [...followUps.keys()],
          rowExpandable: (r) => followUps.has(r.id),
          showExpandColumn: false,
          expandedRowRender: (r) => (
            <div data-testid="followups" data-parent={r.id} style={{ paddingLeft: 24 }}>
              <Typography.Text strong>{t('testing.sample.followUps', { count: followUps.get(r.id)?.length ?? 0 })}</Typography.Text>
              <Table<Sample>
                rowKey="id"
                size="small"
                dataSource={followUps.get(r.id) ?? []}
                pagination={false}
                columns={columns}
                onRow={(f) => ({ 'data-testid': 'followup-row', 'data-id': f.id, 'data-result': f.result }) as React.HTMLAttributes<HTMLElement>}
              />
            </div>
          ),
        }}
      />
      {registering && <RegisterCaseModal sample={registering} onClose={() => setRegistering(null)} />}
    </Card>
  );
}
