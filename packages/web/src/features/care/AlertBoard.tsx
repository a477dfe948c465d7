/**
 * Open warning-sign alerts, polled every 30 s. Test ids: alert-board, alert-row (data-id), alert-signs, alert-ack.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { WARNING_SIGN_LABELS, formatDateTime } from '@pcd/core';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { AcknowledgeModal } from './AcknowledgeModal';
import { careLinks, useOpenAlerts } from './api';
import type { CareAlert } from './types';

export function AlertBoard() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useOpenAlerts(page);
  const [handling, setHandling] = useState<CareAlert | null>(null);
  const readings = (a: CareAlert) =>
    [
      a.spo2 !== null && `SpO2 ${a.spo2}%`,
      a.respiratoryRate !== null && t('care.alerts.breathing', { n: a.respiratoryRate }),
      a.pulse !== null && t('care.alerts.pulseReading', { n: a.pulse }),
      a.temperature !== null && `${a.temperature.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')} °C`,
    ]
      .filter(Boolean)
      .join(' · ');

  if (list.error) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      title={t('care.alerts.title')}
      data-testid="alert-board"
      extra={<Button icon={<DownloadOutlined />} href={careLinks.alerts({ open: true })}>{t('common.exportXlsx')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('care.alerts.intro')}</Typography.Paragraph>
      <Table<CareAlert>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('care.alerts.empty') }}
        onRow={(a) => ({ 'data-testid': 'alert-row', 'data-id': a.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('care.alerts.openedAt'), dataIndex: 'openedAt', width: 140, render: (v: string) => formatDateTime(v) },
          {
            title: t('care.alerts.person'),
            render: (_, a) => (
              <>
                <Link to={`/cases/${a.caseId}`}>{a.fullName}</Link>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{[a.phone, a.unitName].filter(Boolean).join(' · ')}</div>
              </>
            ),
          },
          {
            title: t('care.alerts.signs'),
            render: (_, a) => (
              <span data-testid="alert-signs">
                {a.signs.map((s) => (
                  <Tag color="red" key={s}>{WARNING_SIGN_LABELS[s]}</Tag>
                ))}
              </span>
            ),
          },
          { title: t('care.alerts.readings'), render: (_, a) => readings(a) },
          {
            title: t('common.actions'),
            width: 100,
            render: (_, a) => (
              <Button type="primary" danger size="small" onClick={() => setHandling(a)} data-testid="alert-ack">
                {t('care.alerts.acknowledge')}
              </Button>
            ),
          },
        ]}
      />
      {handling && <AcknowledgeModal alert={handling} onClose={() => setHandling(null)} />}
    </Card>
  );
}
