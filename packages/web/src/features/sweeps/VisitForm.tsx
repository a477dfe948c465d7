import { PlusOutlined } from '@ant-design/icons';
import { SYMPTOMS, VISIT_OUTCOMES } from '@pcd/core';
import { Alert, App, Button, Checkbox, Divider, Flex, Form, Input, Radio, Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecordVisit, useSweepHousehold } from './api';
import { ArrivalFields } from './ArrivalFields';
import { AttendanceInput } from './AttendanceInput';
import { householdText } from './labels';
import type { SweepDetail, SweepHousehold, Visit } from './types';
import { useSweepError } from './useSweepError';
import { emptyArrival, emptyVisit, somebodyMet, VISIT_FIELD_ALIASES, visitInputOf, type VisitValues } from './visitFormValues';

interface Props {
  sweep: SweepDetail;
  /** Households offered in the picker: the caller's, still to visit. */
  households: SweepHousehold[];
  householdId?: number;
  onHousehold: (id: number | undefined) => void;
  onSaved: (visit: Visit) => void;
}

/**
 * The visit record a team member fills in at the door, on a phone: one column, big targets,
 * sections shown only when the outcome makes them meaningful.
 */
export function VisitForm({ sweep, households, householdId, onHousehold, onSaved }: Props) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const record = useRecordVisit(sweep.id);
  const onError = useSweepError();
  const household = useSweepHousehold(sweep.id, householdId ?? null);
  const outcome = Form.useWatch('outcome', form);
  const met = somebodyMet(outcome);

  const options = households.map((h) => ({ value: h.householdId, label: householdText(t, h) }));
  if (household.data && !options.some((o) => o.value === household.data.householdId)) {
    options.unshift({ value: household.data.householdId, label: householdText(t, household.data) });
  }

  const onFinish = async (values: VisitValues) => {
    try {
      const visit = await record.mutateAsync(visitInputOf(values));
      const doubtful = visit.arrivals.filter((a) => a.probableDuplicates?.length);
      if (doubtful.length) {
        notification.warning({ title: t('sweeps.visit.duplicatesTitle'), description: t('sweeps.visit.duplicates', { names: doubtful.map((a) => a.fullName).join(', ') }), duration: 0 });
      }
      onSaved(visit);
    } catch (err) {
      onError(err, form, VISIT_FIELD_ALIASES);
    }
  };

  return (
    <Form<VisitValues>
      form={form}
      name="visit"
      layout="vertical"
      data-testid="visit-form"
      initialValues={emptyVisit(householdId)}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<VisitValues>) => {
        if ('householdId' in changed) onHousehold(changed.householdId);
      }}
      autoComplete="off"
      disabled={sweep.status !== 'active'}
    >
      <Form.Item name="householdId" label={t('sweeps.visit.household')} rules={[{ required: true, message: t('sweeps.visit.householdRequired') }]}>
        <Select
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('sweeps.visit.householdPlaceholder')}
          style={{ width: '100%' }}
          data-testid="visit-household"
        />
      </Form.Item>
      {household.data && (
        <Alert type="info" title={[household.data.address, household.data.unitName].filter(Boolean).join(', ')} style={{ marginTop: -12, marginBottom: 16 }} />
      )}
      <Form.Item name="outcome" label={t('sweeps.visit.outcome')} rules={[{ required: true, message: t('sweeps.visit.outcomeRequired') }]}>
        <Radio.Group orientation="vertical" data-testid="visit-outcome" options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`sweeps.outcomes.${o}`) }))} />
      </Form.Item>
      {outcome === 'nobody_home' && <Alert type="warning" showIcon title={t('sweeps.visit.nobodyHint')} style={{ marginBottom: 16 }} />}

      <Divider titlePlacement="start">{t('sweeps.visit.attendance')}</Divider>
      <Form.Item name="attendance">
        {householdId && household.isLoading ? <Spin /> : <AttendanceInput members={household.data?.members ?? []} presentAllowed={met} />}
      </Form.Item>

      {met && (
        <>
          <Divider titlePlacement="start">{t('sweeps.visit.arrivals')}</Divider>
          <Form.List name="arrivals">
            {(fields, { add, remove }) => (
              <Flex vertical gap={12} style={{ marginBottom: 16 }}>
                {fields.map((field, i) => (
                  <ArrivalFields key={field.key} name={field.name} index={i} onRemove={() => remove(field.name)} />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add(emptyArrival())} block data-testid="visit-add-arrival">
                  {t('sweeps.visit.addArrival')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name="symptoms" label={t('sweeps.visit.symptoms')}>
            <Checkbox.Group
              data-testid="visit-symptoms"
              options={SYMPTOMS.map((s) => ({ value: s, label: t(`sweeps.symptoms.${s}`) }))}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            />
          </Form.Item>
        </>
      )}
      <Form.Item name="followUpCreated" valuePropName="checked">
        <Checkbox data-testid="visit-follow-up">{t('sweeps.visit.followUp')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('sweeps.visit.note')}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="visit-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={record.isPending} data-testid="visit-submit">
        {t('sweeps.visit.submit')}
      </Button>
    </Form>
  );
}
