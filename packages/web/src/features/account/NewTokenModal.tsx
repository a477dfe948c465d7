import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useCreateToken, type CreatedToken } from './api';

/** Names the token, then shows the secret once; closing forgets it. */
export function NewTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const close = () => {
    setCreated(null);
    onClose();
  };

  const onFinish = async ({ name }: { name: string }) => {
    try {
      setCreated(await create.mutateAsync(name.trim()));
    } catch (err) {
      showError(err, form);
    }
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('account.newTokenTitle', { name: created.name })}
        onCancel={close}
        onOk={close}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon title={t('account.newTokenWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          data-testid="token-value"
          code
          copyable={{
            text: created.token,
            tooltips: [t('common.copy'), t('common.copied')],
            onCopy: () => void message.success(t('common.copied')),
          }}
          style={{ wordBreak: 'break-all', fontSize: 15 }}
        >
          {created.token}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('account.createToken')}
      okText={t('account.createToken')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<{ name: string }> form={form} name="newToken" layout="vertical" onFinish={onFinish} data-testid="token-form">
        <Form.Item
          name="name"
          label={t('account.tokenName')}
          rules={[{ required: true, whitespace: true, message: t('account.tokenNameRequired') }]}
        >
          <Input placeholder={t('account.tokenNamePlaceholder')} maxLength={100} data-testid="token-name" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
