/**
 * "Chưa tiêm": people of a group without a dose in a village or commune, with the reason and the
 * member responsible set in the row, and the same list as an Excel file for door-to-door work.
 * Test ids: unvaccinated-page, unvaccinated-unit, unvaccinated-group, unvaccinated-measure, unvaccinated-reason-filter,
 * unvaccinated-export, unvaccinated-row (data-id), unvaccinated-total, followup-reason, followup-responsible.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { COVERAGE_MEASURES, NOT_VACCINATED_REASONS, VACCINATION_GROUPS, formatDate, type CoverageMeasure, type VaccinationGroup } from '@pcd/core';
import { Alert, App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { FieldToolbar } from './FieldToolbar';
import { useCurrentSession, usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { unvaccinatedXlsx, useResponsible, useSetFollowup, useUnvaccinated } from './field-api';
import type { FollowupInput, UnvaccinatedPerson } from './field-types';

const PAGE_SIZE = 50;

function ResponsibleSelect({ person, disabled, onPick }: { person: UnvaccinatedPerson; disabled: boolean; onPick: (id: number | null) => void }) {
  const { t } = useTranslation();
  const candidates = useResponsible(person.unitCode);
  const options = (candidates.data?.items ?? []).map((c) => ({ value: c.id, label: c.fullName }));
  if (person.responsibleUserId && !options.some((o) => o.value === person.responsibleUserId)) options.push({ value: person.responsibleUserId, label: person.responsibleName ?? '' });
  return (
    <Select<number | null>
      allowClear
      size="small"
      style={{ width: 180 }}
      disabled={disabled}
      loading={candidates.isLoading}
      placeholder={t('vaccinationField.unvaccinated.pickResponsible')}
      value={person.responsibleUserId}
      options={options}
      optionFilterProp="label"
      showSearch
      onChange={(v) => onPick(v ?? null)}
      data-testid="followup-responsible"
    />
  );
}

export function UnvaccinatedPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const canWrite = usePermission('personal.write');
  const showError = useShowError();
  // A community team member sees only their villages: the commune itself is out of their reach.
  const [unit, setUnit] = useState<string | undefined>(user.role === 'team' ? undefined : user.unitCode ?? undefined);
  const [group, setGroup] = useState<VaccinationGroup>('18+');
  const [measure, setMeasure] = useState<CoverageMeasure>('dose1');
  const [reason, setReason] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useUnvaccinated({ unit, group, measure, reason, q, page, pageSize: PAGE_SIZE });
  const save = useSetFollowup();
  const f = (k: string) => t(`vaccinationField.unvaccinated.${k}` as 'vaccinationField.unvaccinated.title');

  const update = async (p: UnvaccinatedPerson, change: Pick<FollowupInput, 'reason' | 'responsibleUserId' | 'note'>) => {
    try {
      await save.mutateAsync({ personId: p.personId, group, measure, version: p.version ?? undefined, ...change });
      void message.success(t('vaccinationField.unvaccinated.saved', { name: p.fullName }));
    } catch (err) {
      if (isApiError(err) && err.isConflict) void message.warning(t('vaccinationField.stale'));
      else showError(err);
    }
  };
  const resetPage = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); };

  return (
    <div data-testid="unvaccinated-page">
      <FieldToolbar
        title={f('title')}
        extra={<Button icon={<DownloadOutlined />} href={unvaccinatedXlsx({ unit, group, measure, reason, q })} data-testid="unvaccinated-export">{t('common.exportXlsx')}</Button>}
      />
      <Alert type="info" showIcon message={f('hint')} style={{ marginBottom: 12 }} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <div style={{ width: 260 }}>
            <UnitSelect allowClear value={unit} valueLabel={unit === user.unitCode ? user.unitName : undefined} onChange={resetPage(setUnit)} placeholder={f('unit')} data-testid="unvaccinated-unit" />
          </div>
          <Select<VaccinationGroup> value={group} onChange={resetPage(setGroup)} style={{ width: 200 }} data-testid="unvaccinated-group"
            options={VACCINATION_GROUPS.map((g) => ({ value: g, label: t(`vaccinationField.groups.${g}`) }))} />
          <Select<CoverageMeasure> value={measure} onChange={resetPage(setMeasure)} style={{ width: 170 }} data-testid="unvaccinated-measure"
            options={COVERAGE_MEASURES.map((m) => ({ value: m, label: t(`vaccinationField.measures.${m}`) }))} />
          <Select<string> allowClear value={reason} onChange={resetPage(setReason)} placeholder={f('anyReason')} style={{ width: 170 }} data-testid="unvaccinated-reason-filter"
            options={[{ value: 'none', label: f('noReason') }, ...NOT_VACCINATED_REASONS.map((r) => ({ value: r, label: t(`vaccinationField.reasons.${r}`) }))]} />
          <Input.Search allowClear placeholder={f('search')} onSearch={(v) => resetPage(setQ)(v.trim() || undefined)} style={{ width: 220 }} />
        </Space>
        {list.error ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Typography.Text strong data-testid="unvaccinated-total">{t('vaccinationField.unvaccinated.total', { count: list.data?.total ?? 0 })}</Typography.Text>
            <Table<UnvaccinatedPerson>
              rowKey="personId"
              size="small"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: f('empty') }}
              scroll={{ x: 1100 }}
              onRow={(p) => ({ 'data-testid': 'unvaccinated-row', 'data-id': p.personId }) as React.HTMLAttributes<HTMLElement>}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                { title: f('columns.name'), render: (_, p) => <><b>{p.fullName}</b>{p.age !== null && <Typography.Text type="secondary"> · {t('vaccinationField.unvaccinated.age', { age: p.age })}</Typography.Text>}</> },
                { title: f('columns.born'), width: 100, render: (_, p) => (p.dateOfBirth ? formatDate(p.dateOfBirth) : p.birthYear) },
                { title: f('columns.village'), dataIndex: 'unitName', width: 130 },
                { title: f('columns.address'), render: (_, p) => [p.address, p.household].filter(Boolean).join(' · ') },
                { title: f('columns.phone'), dataIndex: 'phone', width: 110 },
                { title: f('columns.doses'), width: 80, render: (_, p) => t('vaccinationField.unvaccinated.dosesCount', { count: p.doses }) },
                {
                  title: f('columns.reason'), width: 170,
                  render: (_, p) => (
                    <Select<string | null>
                      allowClear size="small" style={{ width: 150 }} disabled={!canWrite || save.isPending} value={p.reason} placeholder={f('pickReason')}
                      options={NOT_VACCINATED_REASONS.map((r) => ({ value: r, label: t(`vaccinationField.reasons.${r}`) }))}
                      onChange={(v) => void update(p, { reason: (v ?? null) as FollowupInput['reason'] })}
                      data-testid="followup-reason"
                    />
                  ),
                },
                { title: f('columns.responsible'), width: 200, render: (_, p) => <ResponsibleSelect person={p} disabled={!canWrite || save.isPending} onPick={(id) => void update(p, { responsibleUserId: id })} /> },
                {
                  title: f('columns.note'), width: 200,
                  render: (_, p) => (
                    <Typography.Paragraph style={{ margin: 0 }} editable={canWrite ? { tooltip: f('editNote'), onChange: (v) => { if (v !== (p.note ?? '')) void update(p, { note: v.trim() || null }); } } : false}>
                      {p.note ?? ''}
                    </Typography.Paragraph>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
