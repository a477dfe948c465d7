import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Obligation } from './types';

interface Props {
  obligation: Obligation | null;
  saving: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

/** A follow-up is cancelled only with a reason (left the commune, declared by mistake): the audit keeps it. */
export function CancelObligationModal({ obligation, saving, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  if (!obligation) return null;
  return (
    <Modal
      open
      destroyOnHidden
      title={t('arrivals.work.cancelTitle', { name: obligation.fullName })}
      okText={t('arrivals.work.cancel')}
      okButtonProps={{ danger: true, loading: saving, 'data-testid': 'obligation-cancel-save' }}
      cancelText={t('common.close')}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" name="cancelObligation" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label={t('arrivals.work.reason')} rules={[{ required: true, whitespace: true, message: t('arrivals.work.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('arrivals.work.reasonPlaceholder')} data-testid="obligation-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
