/**
 * Allocation requests of a unit: those it sent upward, and those its lower units sent to it, which it
 * approves (with the doses granted) or rejects. Test ids: allocations-card, allocations-direction, allocation-create,
 * allocation-row (data-id), allocation-approve, allocation-reject, allocation-delivered, decide-quantity, decide-save.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { App, Button, Card, Form, Input, InputNumber, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { allocationsXlsx, useAllocations, useConfirmDelivery, useDecideAllocation } from './field-api';
import type { AllocationRequest } from './field-types';
import { AllocationFormModal } from './AllocationFormModal';
import { JustificationText } from './JustificationText';

const STATUS_COLORS = { requested: 'gold', approved: 'blue', rejected: 'red', delivered: 'green' } as const;

function DecideModal({ request, decision, onClose }: { request: AllocationRequest; decision: 'approve' | 'reject'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ quantity?: number; note?: string }>();
  const decide = useDecideAllocation();
  const showError = useShowError();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await decide.mutateAsync({ id: request.id, version: request.version, decision, quantity: decision === 'approve' ? v.quantity : undefined, note: v.note?.trim() || null });
      void message.success(t('vaccinationField.allocations.decided'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        void message.warning(t('vaccinationField.stale'));
        onClose();
      } else showError(err, form);
    }
  };
  return (
    <Modal open title={`${t(`vaccinationField.allocations.${decision}`)}: ${request.unitName} · ${request.productName}`} onCancel={onClose} onOk={() => void submit()}
      okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={{ danger: decision === 'reject', 'data-testid': 'decide-save' }} confirmLoading={decide.isPending}>
      <p><JustificationText j={request.justification} /></p>
      <Form form={form} layout="vertical" initialValues={{ quantity: request.quantity }}>
        {decision === 'approve' && (
          <Form.Item name="quantity" label={t('vaccinationField.allocations.approveQuantity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={request.quantity} precision={0} style={{ width: '100%' }} data-testid="decide-quantity" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('vaccinationField.allocations.decisionNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AllocationsCard({ unitCode, canRequest }: { unitCode: string; canRequest: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [direction, setDirection] = useState<'sent' | 'received'>('sent');
  const list = useAllocations(unitCode, direction);
  const delivered = useConfirmDelivery();
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState<{ request: AllocationRequest; decision: 'approve' | 'reject' } | null>(null);
  const c = (k: string) => t(`vaccinationField.allocations.columns.${k}` as 'vaccinationField.allocations.columns.created');

  const confirm = async (r: AllocationRequest) => {
    try {
      await delivered.mutateAsync({ id: r.id, version: r.version });
    } catch (err) {
      if (isApiError(err) && err.isConflict) void message.warning(t('vaccinationField.stale'));
      else showError(err);
    }
  };

  return (
    <Card
      data-testid="allocations-card"
      title={
        <Space>
          {t('vaccinationField.allocations.title')}
          <Segmented data-testid="allocations-direction" value={direction} onChange={(v) => setDirection(v as 'sent' | 'received')}
            options={[{ value: 'sent', label: t('vaccinationField.allocations.sent') }, { value: 'received', label: t('vaccinationField.allocations.received') }]} />
        </Space>
      }
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={allocationsXlsx(unitCode, direction)}>{t('common.exportXlsx')}</Button>
          {canRequest && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="allocation-create">{t('vaccinationField.allocations.create')}</Button>}
        </Space>
      }
    >
      {list.error ? <ErrorResult error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<AllocationRequest>
          rowKey="id" size="small" loading={list.isFetching} dataSource={list.data?.items ?? []} pagination={false} locale={{ emptyText: t('vaccinationField.allocations.empty') }}
          onRow={(r) => ({ 'data-testid': 'allocation-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: c('created'), width: 100, render: (_, r) => formatDate(r.createdAt) },
            { title: c('from'), render: (_, r) => `${r.unitName} → ${r.parentName}` },
            { title: c('product'), dataIndex: 'productName' },
            { title: c('quantity'), dataIndex: 'quantity', align: 'right' },
            { title: c('approved'), align: 'right', render: (_, r) => r.approvedQuantity ?? '' },
            { title: c('justification'), render: (_, r) => <><JustificationText j={r.justification} />{r.note && <div style={{ color: '#8c8c8c' }}>{r.note}</div>}</> },
            { title: c('status'), width: 150, render: (_, r) => <><Tag color={STATUS_COLORS[r.status]}>{t(`vaccinationField.statuses.${r.status}`)}</Tag>{r.decisionNote && <div style={{ fontSize: 12 }}>{r.decisionNote}</div>}</> },
            {
              title: t('common.actions'), width: 200,
              render: (_, r) => (
                <Space wrap>
                  {r.canDecide && <Button size="small" type="primary" onClick={() => setDeciding({ request: r, decision: 'approve' })} data-testid="allocation-approve">{t('vaccinationField.allocations.approve')}</Button>}
                  {r.canDecide && <Button size="small" danger onClick={() => setDeciding({ request: r, decision: 'reject' })} data-testid="allocation-reject">{t('vaccinationField.allocations.reject')}</Button>}
                  {r.status === 'approved' && r.unitCode === unitCode && (
                    <Button size="small" onClick={() => void confirm(r)} data-testid="allocation-delivered">{t('vaccinationField.allocations.delivered')}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {creating && <AllocationFormModal unitCode={unitCode} onClose={() => setCreating(false)} />}
      {deciding && <DecideModal {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
