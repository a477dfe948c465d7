/**
 * Places a person in one area of the facility; the server's refusals (F1 into an F2 area, a full area, a person
 * already in quarantine) land on the field they concern.
 * Test ids: episode-form, episode-person, episode-reason, episode-area, episode-doses, episode-save.
 */
import { AREA_KIND_LABELS, QUARANTINE_REASONS, QUARANTINE_REASON_LABELS, formatDate, type QuarantineReason } from '@pcd/core';
import { App, Checkbox, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { PersonSelect } from '../people/PersonSelect';
import { usePerson } from '../people/api';
import { useCreateEpisode, useOpenObligationOf } from './api';
import type { Facility } from './types';

interface Values {
  personId: number;
  reason: QuarantineReason;
  areaId: number;
  vaccinationDoses?: number | null;
  mealSupport?: boolean;
}

export function PlaceEpisodeModal({ facility, onClose }: { facility: Facility; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const personId = Form.useWatch('personId', form);
  const person = usePerson(personId ?? null);
  // An F1 or an arrival followed up by the commune: the facility's tests are recorded on that obligation.
  const obligation = useOpenObligationOf(person.data);
  const create = useCreateEpisode();
  const showError = useShowError();
  const e = (key: string) => t(`quarantine.episodes.${key}` as 'quarantine.episodes.person');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const ep = await create.mutateAsync({ ...v, kind: 'facility', facilityId: facility.id, vaccinationDoses: v.vaccinationDoses ?? null, obligationId: obligation.data?.id ?? null, mealSupport: !!v.mealSupport });
      void message.success(t('quarantine.episodes.placed', { name: ep.fullName, end: formatDate(ep.plannedEnd) }));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={`${e('place')} — ${facility.name}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'episode-save' }}
    >
      <Form form={form} layout="vertical" data-testid="episode-form">
        <Form.Item name="personId" label={e('person')} rules={[{ required: true }]}>
          <PersonSelect data-testid="episode-person" />
        </Form.Item>
        <Form.Item name="reason" label={e('reason')} rules={[{ required: true }]}>
          <Select data-testid="episode-reason" options={QUARANTINE_REASONS.map((r) => ({ value: r, label: QUARANTINE_REASON_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="areaId" label={e('area')} rules={[{ required: true }]}>
          <Select
            data-testid="episode-area"
            options={facility.areas.map((a) => ({ value: a.id, label: `${AREA_KIND_LABELS[a.kind]} — ${a.name} (${a.occupied}/${a.beds})` }))}
          />
        </Form.Item>
        <Form.Item name="vaccinationDoses" label={e('vaccinationDoses')}>
          <InputNumber min={0} max={4} data-testid="episode-doses" />
        </Form.Item>
        <Form.Item name="mealSupport" valuePropName="checked">
          <Checkbox>{e('mealSupport')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
