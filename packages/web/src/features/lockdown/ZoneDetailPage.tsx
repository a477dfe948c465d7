/**
 * One lockdown zone: what it covers, its testing rounds with the share tested against 100 %, lifting it.
 * Test ids: zone-detail, zone-status, zone-add-round, round-row (data-round), round-share, zone-lift.
 */
import { PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Spin, Table, Tag, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useLiftZone, useZone } from './api';
import { RoundFormModal } from './RoundFormModal';
import { ShareBar } from './ShareBar';
import type { LockdownRound } from './types';
import { useCanRecordZones } from './useCanRecordZones';
import { periodText } from './zoneText';

export function ZoneDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const zone = useZone(id);
  const lift = useLiftZone(id);
  const showError = useShowError();
  const canWrite = useCanRecordZones();
  const [adding, setAdding] = useState(false);

  if (zone.error && !zone.data) return <ErrorResult error={zone.error} onRetry={() => void zone.refetch()} />;
  if (!zone.data) return <Spin />;
  const z = zone.data;
  const active = z.status === 'active';

  const doLift = async () => {
    try {
      await lift.mutateAsync({ version: z.version });
      void message.success(t('lockdown.lifted', { name: z.name }));
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void zone.refetch();
        void message.warning(t('lockdown.stale'));
        return;
      }
      showError(err);
    }
  };

  return (
    <div data-testid="zone-detail" data-id={z.id}>
      <PageHeader
        title={z.name}
        extra={
          canWrite && active ? (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="zone-add-round">{t('lockdown.rounds.add')}</Button>
              <Popconfirm title={t('lockdown.liftConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => void doLift()} okButtonProps={{ danger: true, 'data-testid': 'zone-lift-confirm' } as ButtonProps}>
                <Button danger icon={<UnlockOutlined />} loading={lift.isPending} data-testid="zone-lift">{t('lockdown.lift')}</Button>
              </Popconfirm>
            </>
          ) : undefined
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('lockdown.columns.status')}>
                <Tag color={active ? 'red' : 'default'} data-testid="zone-status">{t(`lockdown.statuses.${z.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('lockdown.columns.unit')}>{z.unitName}</Descriptions.Item>
              <Descriptions.Item label={t('lockdown.columns.period')}>{periodText(t, z)}</Descriptions.Item>
              <Descriptions.Item label={t('lockdown.form.reason')}>{z.reason}</Descriptions.Item>
              <Descriptions.Item label={t('lockdown.form.villages')}>{z.villageNames.join(', ') || t('common.empty')}</Descriptions.Item>
              <Descriptions.Item label={t('lockdown.form.households')}>{z.householdIds.length ? t('lockdown.households', { count: z.householdIds.length }) : t('common.empty')}</Descriptions.Item>
              <Descriptions.Item label={t('lockdown.form.addresses')} span={2}>{z.addresses ?? t('common.empty')}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('lockdown.rounds.title', { pct: z.targetPct })}>
            <Table<LockdownRound>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={z.rounds}
              locale={{ emptyText: t('lockdown.noRound') }}
              onRow={(r) => ({ 'data-testid': 'round-row', 'data-round': r.roundNo }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('lockdown.rounds.no'), dataIndex: 'roundNo', width: 70 },
                { title: t('lockdown.rounds.date'), render: (_, r) => formatDate(r.date), width: 120 },
                { title: t('lockdown.rounds.residents'), dataIndex: 'residents', align: 'right' },
                { title: t('lockdown.rounds.tested'), dataIndex: 'tested', align: 'right' },
                { title: t('lockdown.rounds.positives'), dataIndex: 'positives', align: 'right' },
                { title: t('lockdown.rounds.share'), render: (_, r) => <ShareBar sharePct={r.sharePct} targetPct={z.targetPct} meetsTarget={r.meetsTarget} />, width: 240 },
                { title: t('lockdown.rounds.note'), dataIndex: 'note' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {adding && <RoundFormModal zone={z} onClose={() => setAdding(false)} reload={() => zone.refetch()} />}
    </div>
  );
}
