/**
 * Home quarantine of one person: the rule gives the end and the test days; an open follow-up obligation of the
 * person is linked so that tests are recorded once.
 * Test ids: home-episode-form, home-episode-person, home-episode-reason, home-episode-start, home-episode-save.
 */
import { QUARANTINE_REASONS, formatDate, vnDate, type QuarantineReason } from '@pcd/core';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { usePerson } from '../people/api';
import { PersonSelect } from '../people/PersonSelect';
import { useCreateEpisode, useOpenObligationOf } from './api';

interface Values {
  personId: number;
  reason: QuarantineReason;
  startDate: Dayjs;
  vaccinationDoses?: number | null;
  mealSupport?: boolean;
  note?: string;
}

export function HomeEpisodeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const personId = Form.useWatch('personId', form);
  const person = usePerson(personId ?? null);
  const obligation = useOpenObligationOf(person.data);
  const create = useCreateEpisode();
  const showError = useShowError();
  const e = (key: string) => t(`quarantine.episodes.${key}` as 'quarantine.episodes.person');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const ep = await create.mutateAsync({
        personId: v.personId, kind: 'home', reason: v.reason, startDate: v.startDate.format('YYYY-MM-DD'), vaccinationDoses: v.vaccinationDoses ?? null,
        obligationId: obligation.data?.id ?? null, mealSupport: !!v.mealSupport, note: v.note?.trim() || null,
      });
      void message.success(t('quarantine.episodes.placed', { name: ep.fullName, end: formatDate(ep.plannedEnd) }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={e('homeTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'home-episode-save' }}
    >
      <Form form={form} layout="vertical" data-testid="home-episode-form" initialValues={{ startDate: dayjs(vnDate()), reason: 'f1' }}>
        <Form.Item name="personId" label={e('person')} rules={[{ required: true }]}>
          <PersonSelect data-testid="home-episode-person" />
        </Form.Item>
        {obligation.data && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={e('linkedObligation')} />
        )}
        <Form.Item name="reason" label={e('reason')} rules={[{ required: true }]}>
          <Select data-testid="home-episode-reason" options={QUARANTINE_REASONS.map((r) => ({ value: r, label: t(`quarantine.reasons.${r}`) }))} />
        </Form.Item>
        <Form.Item name="startDate" label={e('startDate')} rules={[{ required: true }]} extra={e('startHint')}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="home-episode-start" />
        </Form.Item>
        <Form.Item name="vaccinationDoses" label={e('vaccinationDoses')}>
          <InputNumber min={0} max={4} />
        </Form.Item>
        <Form.Item name="mealSupport" valuePropName="checked">
          <Checkbox>{e('mealSupport')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={e('note')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
