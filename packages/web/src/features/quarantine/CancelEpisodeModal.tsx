import { Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Episode } from './types';

/** A quarantine recorded by mistake or cut short by a move to treatment ends as cancelled, with the reason. */
export function CancelEpisodeModal({ episode, saving, onSubmit, onClose }: { episode: Episode; saving: boolean; onSubmit: (note: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open
      title={t('quarantine.list.cancelTitle', { name: episode.fullName })}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => onSubmit(v.note.trim()))}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ danger: true, 'data-testid': 'episode-cancel-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="note" label={t('quarantine.list.cancelReason')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={1000} data-testid="episode-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
