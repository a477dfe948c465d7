/**
 * Ends home treatment by the rule set (days since the positive test, a negative test, no open alert) and
 * offers the printable confirmation. Test ids: release-form, release-test-type, release-test-date, release-save.
 */
import { TEST_TYPES, vnDate } from '@pcd/core';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useCaseWrite } from '../cases/api';
import type { CaseDetail } from '../cases/types';

interface Values {
  date: Dayjs;
  negativeTestType: (typeof TEST_TYPES)[number];
  negativeTestDate: Dayjs;
  note?: string;
}

export const confirmationUrl = (caseId: number) => apiUrl(`/care/${caseId}/release-confirmation.html`);

export function HomeReleaseModal({ record, onClose, reload }: { record: CaseDetail; onClose: () => void; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const release = useCaseWrite((body: object) => api.post(`/care/${record.id}/release`, body));
  const r = (k: string) => t(`care.release.${k}` as 'care.release.title');
  const today = dayjs(vnDate());

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await release.mutateAsync({
        version: record.version, date: v.date.format('YYYY-MM-DD'), negativeTestType: v.negativeTestType,
        negativeTestDate: v.negativeTestDate.format('YYYY-MM-DD'), note: v.note?.trim() || null,
      });
      onClose();
      modal.success({
        title: r('done'),
        content: (
          <a href={confirmationUrl(record.id)} target="_blank" rel="noreferrer" data-testid="release-confirmation-link">{r('print')}</a>
        ),
      });
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void reload();
        void message.warning(t('cases.detail.stale'));
        return;
      }
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={r('title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={r('submit')}
      cancelText={t('common.cancel')}
      confirmLoading={release.isPending}
      okButtonProps={{ 'data-testid': 'release-save' }}
    >
      <Form form={form} layout="vertical" data-testid="release-form" initialValues={{ date: today, negativeTestType: 'rapid_antigen', negativeTestDate: today }}>
        <Form.Item name="date" label={r('date')} rules={[{ required: true }]} extra={r('hint')}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="negativeTestType" label={r('negativeTestType')} rules={[{ required: true }]}>
          <Select data-testid="release-test-type" options={TEST_TYPES.map((v) => ({ value: v, label: t(`cases.testTypes.${v}`) }))} />
        </Form.Item>
        <Form.Item name="negativeTestDate" label={r('negativeTestDate')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="release-test-date" />
        </Form.Item>
        <Form.Item name="note" label={r('note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
