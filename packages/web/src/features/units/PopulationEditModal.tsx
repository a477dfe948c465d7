import { AGE_BANDS, emptyByAge, sumByAge, type PopulationByAge } from '@pcd/core';
import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { formatNumber } from '../../app/format';
import { useSavePopulation } from './api';
import { unitFullName } from './names';
import type { UnitDetail } from './types';

interface Values {
  population: { byAge: PopulationByAge };
}

interface Props {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  /** Called after a 409 so the page shows what the other person saved. */
  onStale: () => void;
}

export function PopulationEditModal({ unit, open, onClose, onStale }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useSavePopulation(unit.code);
  const byAge = Form.useWatch(['population', 'byAge'], form) as Partial<PopulationByAge> | undefined;
  const total = sumByAge({ ...emptyByAge(), ...stripEmpty(byAge) });

  const onFinish = async (values: Values) => {
    try {
      await save.mutateAsync({ version: unit.version, byAge: { ...emptyByAge(), ...stripEmpty(values.population.byAge) } });
      void message.success(t('population.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        void message.warning(t('errors.conflict'));
        onStale();
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  return (
    <Modal
      open={open}
      title={t('population.editTitle', { name: unitFullName(unit) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'population-save' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('population.editHint')}</Typography.Paragraph>
      {unit.population?.source === 'sum' && <Alert type="info" showIcon title={t('population.sumEditHint')} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="population"
        layout="horizontal"
        labelCol={{ span: 10 }}
        wrapperCol={{ span: 14 }}
        data-testid="population-edit-form"
        initialValues={{ population: { byAge: unit.population?.byAge ?? emptyByAge() } }}
        onFinish={onFinish}
      >
        {AGE_BANDS.map((band) => (
          <Form.Item
            key={band}
            name={['population', 'byAge', band]}
            label={t(`population.bands.${band}`)}
            rules={[{ required: true, type: 'integer', min: 0, message: t('population.nonNegative') }]}
          >
            <InputNumber<number>
              min={0}
              step={1}
              precision={0}
              style={{ width: '100%' }}
              data-testid={`population-input-${band}`}
              formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : formatNumber(Number(v), i18n.language))}
              parser={(v) => Number((v ?? '').replace(/[^\d]/g, '')) || 0}
            />
          </Form.Item>
        ))}
        <Form.Item label={t('population.total')}>
          <Typography.Text strong data-testid="population-edit-total">
            {formatNumber(total, i18n.language)}
          </Typography.Text>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function stripEmpty(byAge: Partial<PopulationByAge> | undefined): Partial<PopulationByAge> {
  const out: Partial<PopulationByAge> = {};
  for (const band of AGE_BANDS) {
    const v = byAge?.[band];
    if (typeof v === 'number' && Number.isFinite(v)) out[band] = v;
  }
  return out;
}
