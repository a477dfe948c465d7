import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { casesApi, useCaseWrite } from './api';
import { ClinicalFields, clinicalBody, clinicalDefaults, type ClinicalValues } from './ClinicalFields';
import { contactName } from './labels';
import type { Contact } from './types';
import { useCaseError } from './useCaseError';

/** A contact tested positive: one action makes them an F0, their F2 become F1 of the new case. */
export function PromoteModal({ contact, onClose, reload }: { contact: Contact | null; onClose: () => void; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ClinicalValues>();
  const onError = useCaseError(reload);
  const promote = useCaseWrite((body: object) => casesApi.promote(contact!.id, body));

  const submit = (v: ClinicalValues) =>
    promote.mutate({ ...clinicalBody(v), version: contact!.version }, {
      onSuccess: (r) => {
        void message.success(`${t('contacts.promote.done', { id: r.case.id })}${r.upgraded.length ? ` — ${t('contacts.promote.upgraded', { count: r.upgraded.length })}` : ''}`);
        onClose();
        navigate(`/cases/${r.case.id}`);
      },
      onError: (e) => onError(e, form),
    });

  // Left empty the server decides: quarantine when the contact was under a quarantine follow-up.
  const { detectedIn: _auto, ...defaults } = clinicalDefaults();
  return (
    <Modal
      open={!!contact}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={promote.isPending}
      title={contact ? t('contacts.promote.title', { name: contactName(contact) }) : ''}
      width={820}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'promote-submit' }}
    >
      <Form form={form} name="promote" layout="vertical" onFinish={submit} initialValues={defaults}>
        <ClinicalFields prefix="promote" optionalDetection personId={contact?.person?.id} />
      </Form>
    </Modal>
  );
}
