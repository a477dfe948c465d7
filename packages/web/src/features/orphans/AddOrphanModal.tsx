/**
 * A child under 16 who lost this parent or caregiver; the server checks the age on the day of death.
 * Test ids: orphan-form, orphan-child, orphan-relation, orphan-support, orphan-save.
 */
import { ORPHAN_RELATIONS, SUPPORT_STATUSES, formatDate, type OrphanRelation, type SupportStatus } from '@pcd/core';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import type { Case } from '../cases/types';
import { PersonSelect } from '../people/PersonSelect';
import { useCreateOrphan } from './api';

interface Values {
  childPersonId: number;
  relation: OrphanRelation;
  supportStatus: SupportStatus;
  supportNotes?: string;
}

export function AddOrphanModal({ death, onClose }: { death: Case; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrphan();
  const showError = useShowError();
  const f = (k: string) => t(`orphans.form.${k}` as 'orphans.form.child');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const o = await create.mutateAsync({ ...v, caseId: death.id, supportNotes: v.supportNotes?.trim() || null });
      void message.success(t('orphans.form.created', { name: o.childName }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={t('orphans.form.title', { name: death.person.fullName, date: death.deathDate ? formatDate(death.deathDate) : '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'orphan-save' }}
    >
      <Form form={form} layout="vertical" data-testid="orphan-form" initialValues={{ relation: 'parent', supportStatus: 'none' }}>
        <Form.Item name="childPersonId" label={f('child')} rules={[{ required: true }]} extra={f('childHint')}>
          <PersonSelect placeholder={f('childPlaceholder')} data-testid="orphan-child" />
        </Form.Item>
        <Form.Item name="relation" label={f('relation')} rules={[{ required: true }]}>
          <Select data-testid="orphan-relation" options={ORPHAN_RELATIONS.map((r) => ({ value: r, label: t(`orphans.relations.${r}`) }))} />
        </Form.Item>
        <Form.Item name="supportStatus" label={f('supportStatus')} rules={[{ required: true }]}>
          <Select data-testid="orphan-support" options={SUPPORT_STATUSES.map((s) => ({ value: s, label: t(`orphans.supportStatuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="supportNotes" label={f('supportNotes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
