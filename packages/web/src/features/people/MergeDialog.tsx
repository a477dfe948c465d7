/**
 * Two records of one person side by side; the official picks the one to keep and the other is folded into it.
 * Test ids: merge-dialog, merge-keep (data-id on each choice), merge-submit.
 */
import { Alert, App, Card, Col, Descriptions, Modal, Radio, Row, Skeleton } from 'antd';
import { formatDateTime } from '@pcd/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useMergePeople, usePerson } from './api';
import { activeFlags, birthText, residenceText } from './labels';
import type { Person } from './types';

interface Props {
  open: boolean;
  ids: [number, number];
  onClose: () => void;
  onMerged?: (kept: Person) => void;
}

function Summary({ p }: { p: Person }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const rows: [string, string][] = [
    [t('people.fields.fullName'), p.fullName],
    [t('people.fields.birth'), birthText(p) || empty],
    [t('people.fields.sex'), p.sex ? t(`people.sexes.${p.sex}`) : empty],
    [t('people.fields.idNumber'), p.idNumber ?? empty],
    [t('people.fields.phone'), p.phone ?? empty],
    [t('people.fields.unitCode'), p.unitName ?? p.unitCode],
    [t('people.fields.address'), p.address ?? empty],
    [t('people.fields.householdId'), p.householdId ? String(p.householdId) : empty],
    [t('people.fields.residenceStatus'), `${t(`people.statuses.${p.residenceStatus}`)} ${residenceText(p)}`.trim()],
    [t('people.fields.flags'), activeFlags(p.flags).map((f) => t(`people.flags.${f}`)).join(', ') || empty],
    [t('people.fields.createdAt'), formatDateTime(p.createdAt)],
  ];
  return <Descriptions size="small" column={1} items={rows.map(([label, value], i) => ({ key: i, label, children: value }))} />;
}

export function MergeDialog({ open, ids, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const first = usePerson(ids[0]);
  const second = usePerson(ids[1]);
  const merge = useMergePeople();
  const [keepId, setKeepId] = useState<number>(ids[0]);
  const records = [first.data, second.data];
  const ready = records.every(Boolean);
  const failed = first.error ?? second.error;

  const submit = async () => {
    const keep = records.find((r) => r?.id === keepId);
    const other = records.find((r) => r && r.id !== keepId);
    if (!keep || !other) return;
    try {
      const kept = await merge.mutateAsync({ keepId: keep.id, otherId: other.id, version: keep.version });
      void message.success(t('people.merge.done', { name: kept.fullName, id: kept.id }));
      onClose();
      onMerged?.(kept);
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void message.warning(t('errors.conflict'));
        void first.refetch();
        void second.refetch();
        return;
      }
      showError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('people.merge.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('people.merge.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !ready, 'data-testid': 'merge-submit' }}
      confirmLoading={merge.isPending}
      width={900}
      destroyOnHidden
    >
      <div data-testid="merge-dialog">
        <Alert type="info" showIcon title={t('people.merge.intro')} style={{ marginBottom: 16 }} />
        {failed ? (
          <Alert type="error" showIcon title={failed.message} />
        ) : !ready ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Radio.Group value={keepId} onChange={(e) => setKeepId(e.target.value as number)} style={{ width: '100%' }}>
            <Row gutter={16}>
              {records.map((p) => (
                <Col span={12} key={p!.id}>
                  <Card
                    size="small"
                    title={t('people.merge.record', { id: p!.id })}
                    extra={
                      <Radio value={p!.id} data-testid="merge-keep" data-id={String(p!.id)}>
                        {t('people.merge.keep')}
                      </Radio>
                    }
                    style={{ borderColor: keepId === p!.id ? '#0b5cad' : undefined }}
                  >
                    <Summary p={p!} />
                  </Card>
                </Col>
              ))}
            </Row>
          </Radio.Group>
        )}
      </div>
    </Modal>
  );
}
