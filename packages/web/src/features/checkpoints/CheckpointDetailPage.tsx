/**
 * One checkpoint: its details and QR code, passages in and out, counts per day, and declarations
 * recorded by staff at the point. Test ids: checkpoint-page, checkpoint-title, checkpoint-status, checkpoint-qr,
 * checkpoint-edit, checkpoint-rotate, checkpoint-retire, checkpoint-declare, checkpoint-public-url, passage-*, stats-*.
 */
import { ArrowLeftOutlined, EditOutlined, FormOutlined, QrcodeOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { StaffDeclarationDrawer } from '../arrivals/StaffDeclarationDrawer';
import { usePermission } from '../auth/session';
import { publicFormUrl, useCheckpoint, useUpdateCheckpoint } from './api';
import { CheckpointFormModal } from './CheckpointFormModal';
import { useCanManageCheckpoints } from './useCanManage';
import { PassageForm } from './PassageForm';
import { PassagesLog } from './PassagesLog';
import { StatsCard } from './StatsCard';
import type { CheckpointPatch } from './types';

export function CheckpointDetailPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const id = Number(useParams().id);
  const checkpoint = useCheckpoint(id);
  const update = useUpdateCheckpoint();
  const canManage = useCanManageCheckpoints();
  const canRead = usePermission('personal.read');
  const canWrite = usePermission('personal.write');
  const [editing, setEditing] = useState(false);
  const [declaring, setDeclaring] = useState(false);
  const [declareKey, setDeclareKey] = useState(0);

  if (checkpoint.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (checkpoint.error || !checkpoint.data) return <ErrorResult error={checkpoint.error} onRetry={() => void checkpoint.refetch()} />;
  const c = checkpoint.data;

  const patch = async (changes: Omit<CheckpointPatch, 'version'>, done: string) => {
    try {
      await update.mutateAsync({ id: c.id, version: c.version, ...changes });
      void message.success(done);
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        modal.warning({ title: t('checkpoints.conflictTitle'), content: t('checkpoints.conflict') });
        return;
      }
      showError(err);
    }
  };

  return (
    <div data-testid="checkpoint-page">
      <Link to="/checkpoints">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
          {t('checkpoints.back')}
        </Button>
      </Link>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="checkpoint-title">{c.name}</span>
            <Tag color={c.active ? 'green' : 'default'} data-testid="checkpoint-status">
              {c.active ? t('checkpoints.active') : t('checkpoints.retired')}
            </Tag>
          </Flex>
        }
        extra={
          <>
            {c.active && (
              <Link to={`/checkpoints/${c.id}/qr`} data-testid="checkpoint-qr">
                <Button icon={<QrcodeOutlined />}>{t('checkpoints.printQr')}</Button>
              </Link>
            )}
            {canWrite && c.active && (
              <Button
                type="primary"
                icon={<FormOutlined />}
                onClick={() => {
                  setDeclareKey((k) => k + 1);
                  setDeclaring(true);
                }}
                data-testid="checkpoint-declare"
              >
                {t('checkpoints.declareHere')}
              </Button>
            )}
            {canManage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="checkpoint-edit">
                {t('common.edit')}
              </Button>
            )}
            {canManage && c.active && (
              <Popconfirm title={t('checkpoints.confirmRotate')} onConfirm={() => void patch({ rotateToken: true }, t('checkpoints.rotated'))} okText={t('common.confirm')}>
                <Button icon={<SyncOutlined />} data-testid="checkpoint-rotate">
                  {t('checkpoints.rotate')}
                </Button>
              </Popconfirm>
            )}
            {canManage && (
              <Popconfirm
                title={c.active ? t('checkpoints.confirmRetire') : t('checkpoints.confirmReactivate')}
                onConfirm={() => void patch({ active: !c.active }, c.active ? t('checkpoints.retiredOk') : t('checkpoints.reactivatedOk'))}
                okText={t('common.confirm')}
              >
                <Button danger={c.active} icon={<StopOutlined />} data-testid="checkpoint-retire">
                  {c.active ? t('checkpoints.retire') : t('checkpoints.reactivate')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {!c.active && <Alert type="warning" showIcon title={t('checkpoints.retiredNote')} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'kind', label: t('checkpoints.fields.kind'), children: t(`checkpoints.kinds.${c.kind}`) },
            { key: 'unit', label: t('checkpoints.fields.unit'), children: c.unitName ?? c.unitCode },
            { key: 'location', label: t('checkpoints.fields.location'), children: c.location ?? t('common.empty') },
            { key: 'coords', label: t('checkpoints.fields.coordinates'), children: c.lat !== null && c.lng !== null ? `${c.lat}, ${c.lng}` : t('common.empty') },
            ...(canRead ? [{ key: 'staff', label: t('checkpoints.fields.staffOnDuty'), children: c.staffOnDuty ?? t('common.empty') }] : []),
            ...(c.active
              ? [
                  {
                    key: 'url',
                    label: t('checkpoints.fields.publicUrl'),
                    children: (
                      <Typography.Text copyable data-testid="checkpoint-public-url">
                        {publicFormUrl(c.publicToken)}
                      </Typography.Text>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {canWrite && c.active && (
        <Card title={t('checkpoints.passages.title')} style={{ marginBottom: 16 }}>
          <PassageForm checkpointId={c.id} />
        </Card>
      )}
      {canRead && (
        <Card title={t('checkpoints.passages.logTitle')} style={{ marginBottom: 16 }}>
          <PassagesLog checkpointId={c.id} />
        </Card>
      )}
      <Card title={t('checkpoints.stats.title')}>
        <StatsCard checkpointId={c.id} />
      </Card>
      {editing && <CheckpointFormModal checkpoint={c} onClose={() => setEditing(false)} />}
      <StaffDeclarationDrawer key={declareKey} open={declaring} onClose={() => setDeclaring(false)} checkpoint={c} />
    </div>
  );
}
