import { App, Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { casesApi, useCaseWrite } from './api';
import { ClinicalFields, clinicalBody, clinicalDefaults, type ClinicalValues } from './ClinicalFields';
import { PersonPicker, personBody, type PersonMode } from './PersonPicker';

type Values = ClinicalValues & { personMode?: PersonMode; personId?: number; person?: Record<string, unknown> };

/** Registers an F0 from a positive test; field errors of the server land under the field they name. */
export function CaseFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const navigate = useNavigate();
  const create = useCaseWrite((body: object) => casesApi.create(body));

  const submit = (v: Values) =>
    create.mutate({ ...personBody(v), ...clinicalBody(v) }, {
      onSuccess: (c) => {
        void message.success(t('cases.created'));
        onClose();
        navigate(`/cases/${c.id}`);
      },
      onError: (err) => showError(err, form),
    });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('cases.createTitle')}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="case-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} name="case" layout="vertical" onFinish={submit} initialValues={clinicalDefaults()} data-testid="case-form">
        <PersonPicker prefix="case-form" />
        <ClinicalFields prefix="case-form" />
      </Form>
    </Drawer>
  );
}
