/** Test ids: ack-form, ack-action-<action>, ack-note, ack-save. */
import { ALERT_ACTIONS, ALERT_ACTION_LABELS, type AlertAction } from '@pcd/core';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useAcknowledgeAlert } from './api';
import type { CareAlert } from './types';

export function AcknowledgeModal({ alert, onClose }: { alert: CareAlert; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ action: AlertAction; note?: string }>();
  const ack = useAcknowledgeAlert();
  const showError = useShowError();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await ack.mutateAsync({ id: alert.id, action: values.action, note: values.note?.trim() || null, version: alert.version });
      void message.success(t('care.alerts.done', { name: alert.fullName }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={t('care.alerts.ackTitle', { name: alert.fullName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={ack.isPending}
      okButtonProps={{ 'data-testid': 'ack-save' }}
    >
      <Form form={form} layout="vertical" data-testid="ack-form">
        <Form.Item name="action" label={t('care.alerts.action')} rules={[{ required: true }]}>
          <Radio.Group>
            {ALERT_ACTIONS.map((a) => (
              <Radio key={a} value={a} data-testid={`ack-action-${a}`}>
                {ALERT_ACTION_LABELS[a]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('care.alerts.note')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="ack-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
