/**
 * Corrects the clinical record of a case (severity, comorbidities, SpO2…); eligibility for home treatment is
 * recomputed by the server. Test ids: clinical-form, clinical-severity, clinical-spo2, clinical-save.
 */
import { App, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { casesApi, useCaseWrite } from './api';
import { ClinicalFields, type ClinicalValues } from './ClinicalFields';
import { isoOf } from './labels';
import type { CaseDetail } from './types';
import { useCaseError } from './useCaseError';

const blank = <T,>(v: T | undefined | null | '') => (v === undefined || v === '' ? null : v);

export function ClinicalEditModal({ record, open, onClose, reload }: { record: CaseDetail; open: boolean; onClose: () => void; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClinicalValues>();
  const onError = useCaseError(reload);
  const patch = useCaseWrite((body: object) => casesApi.patch(record.id, body));

  // A field emptied here is cleared on the record, so blanks travel as null.
  const submit = (v: ClinicalValues) =>
    patch.mutate(
      {
        version: record.version, testType: v.testType, testDate: isoOf(v.testDate), lab: blank(v.lab?.trim()), detectedIn: v.detectedIn,
        onsetDate: isoOf(v.onsetDate) ?? null, severity: v.severity, comorbidities: v.comorbidities ?? [], comorbidityStable: !!v.comorbidityStable,
        pregnant: !!v.pregnant, vaccinationDoses: blank(v.vaccinationDoses), spo2: blank(v.spo2), respiratoryRate: blank(v.respiratoryRate),
        clusterId: blank(v.clusterId), note: blank(v.note?.trim()),
      },
      { onSuccess: () => { void message.success(t('cases.clinical.done')); onClose(); }, onError: (e) => onError(e, form) },
    );

  return (
    <Modal
      open={open}
      width={860}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={patch.isPending}
      title={t('cases.clinical.title')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'clinical-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="clinical-form"
        initialValues={{
          testType: record.testType, testDate: dayjs(record.testDate), lab: record.lab ?? undefined, detectedIn: record.detectedIn,
          onsetDate: record.onsetDate ? dayjs(record.onsetDate) : null, severity: record.severity, comorbidities: record.comorbidities,
          comorbidityStable: record.comorbidityStable, pregnant: record.pregnant, vaccinationDoses: record.vaccinationDoses, spo2: record.spo2,
          respiratoryRate: record.respiratoryRate, clusterId: record.clusterId, note: record.note ?? undefined,
        }}
      >
        <ClinicalFields prefix="clinical" withCarePlace={false} personId={record.person.id} />
      </Form>
    </Modal>
  );
}
