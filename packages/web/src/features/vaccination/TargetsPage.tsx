/**
 * Targets of the caller's unit (or one picked), its units below and the units above it, with progress today.
 * Planners (vaccination.plan) set, edit and stop them; everyone else reads the figures.
 * Test ids: targets-page, targets-create, target-row (data-id), target-edit, target-stop.
 */
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { App, Button, Checkbox, Flex, Popconfirm, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useTargets, useUpdateTarget } from './api';
import { TargetFormModal } from './TargetFormModal';
import { TargetLine } from './TargetLine';
import type { VaccinationTarget } from './types';

export function TargetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canPlan = usePermission('vaccination.plan');
  const [unit, setUnit] = useState<string | undefined>();
  const [all, setAll] = useState(false);
  const [editing, setEditing] = useState<VaccinationTarget | 'new' | null>(null);
  const targets = useTargets({ unit, active: all ? 'all' : 'true' });
  const update = useUpdateTarget();
  const showError = useShowError();
  const c = (k: string) => t(`vaccination.targets.columns.${k}` as 'vaccination.targets.columns.unit');

  const stop = async (x: VaccinationTarget) => {
    try {
      await update.mutateAsync({ id: x.id, version: x.version, active: false });
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') void message.warning(t('vaccination.targets.stale'));
      else showError(err);
    }
  };

  if (targets.error) return <ErrorResult error={targets.error} onRetry={() => void targets.refetch()} />;
  return (
    <div data-testid="targets-page">
      <Flex gap={8} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <div style={{ width: 280 }}>
            <UnitSelect allowClear value={unit} onChange={setUnit} placeholder={t('vaccination.coverage.unit')} />
          </div>
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>{t('vaccination.targets.showInactive')}</Checkbox>
        </Flex>
        {canPlan && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="targets-create">
            {t('vaccination.targets.create')}
          </Button>
        )}
      </Flex>
      <Table<VaccinationTarget>
        rowKey="id"
        size="small"
        loading={targets.isLoading}
        dataSource={targets.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('vaccination.targets.empty') }}
        onRow={(r) => ({ 'data-testid': 'target-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: c('unit'), dataIndex: 'unitName' },
          { title: c('group'), render: (_, r) => t(`vaccination.groups.${r.group}`) },
          { title: c('measure'), render: (_, r) => t(`vaccination.measures.${r.measure}`) },
          { title: c('percent'), align: 'right', render: (_, r) => `${r.percent}%` },
          { title: c('deadline'), render: (_, r) => formatDate(r.deadline) },
          {
            title: c('progress'),
            render: (_, r) => (
              <div style={{ minWidth: 180 }}>
                <Progress
                  size="small"
                  percent={Math.min(100, r.progress.percentNow ?? 0)}
                  format={() => (r.progress.percentNow === null ? '—' : `${r.progress.percentNow.toLocaleString('vi-VN')}%`)}
                  status={r.progress.gapPeople === 0 ? 'success' : 'normal'}
                  style={{ margin: 0 }}
                />
                <span style={{ fontSize: 12, color: '#8c8c8c' }}>
                  {t('vaccination.coverage.figure', { numerator: r.progress.numerator.toLocaleString('vi-VN'), denominator: r.progress.denominator.toLocaleString('vi-VN') })}
                </span>
              </div>
            ),
          },
          { title: c('status'), render: (_, r) => (r.active ? <TargetLine target={{ ...r }} /> : <Tag>{t('vaccination.targets.inactive')}</Tag>) },
          ...(canPlan
            ? [{
                title: t('common.actions'),
                render: (_: unknown, r: VaccinationTarget) =>
                  r.active ? (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="target-edit">{t('common.edit')}</Button>
                      <Popconfirm title={t('vaccination.targets.deactivateConfirm')} onConfirm={() => stop(r)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                        <Button size="small" icon={<StopOutlined />} data-testid="target-stop">{t('vaccination.targets.deactivate')}</Button>
                      </Popconfirm>
                    </Space>
                  ) : null,
              }]
            : []),
        ]}
      />
      {editing && <TargetFormModal target={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
