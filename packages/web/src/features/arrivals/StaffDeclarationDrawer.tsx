/**
 * A declaration written down by an official (at a checkpoint or in the commune), with the same fields
 * as the public form. Test ids: staff-decl-form, staff-decl-save, staff-decl-result, staff-decl-receipt, decl-* fields.
 */
import { STAFF_ARRIVAL_WINDOW, addDays, vnDate } from '@pcd/core';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Result, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { HealthFields, IdentityFields, JourneyFields } from '../declare/DeclarationFields';
import { NEXT_IN_FAMILY, emptyDeclaration, formFieldOf, toPayload, type DeclarationFormValues } from '../declare/declarationValues';
import { useCreateDeclaration } from './api';
import type { StaffDeclaration } from './types';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Recorded at this point: the destination list starts with the villages around it. */
  checkpoint?: { id: number; name: string; publicToken: string } | null;
}

const ISO = 'YYYY-MM-DD';

function StaffArrivalDate(props: { value?: string; onChange?: (iso: string | undefined) => void; id?: string }) {
  const today = vnDate();
  const first = addDays(today, -STAFF_ARRIVAL_WINDOW.pastDays);
  const last = addDays(today, STAFF_ARRIVAL_WINDOW.futureDays);
  return (
    <DatePicker
      id={props.id}
      format="DD/MM/YYYY"
      allowClear={false}
      value={props.value ? dayjs(props.value) : null}
      onChange={(d: Dayjs | null) => props.onChange?.(d ? d.format(ISO) : undefined)}
      disabledDate={(d: Dayjs) => d.format(ISO) < first || d.format(ISO) > last}
      style={{ width: '100%' }}
      data-testid="decl-arrival-date"
    />
  );
}

export function StaffDeclarationDrawer({ open, onClose, checkpoint }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeclarationFormValues>();
  const create = useCreateDeclaration();
  const [saved, setSaved] = useState<StaffDeclaration | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = async (values: DeclarationFormValues) => {
    setProblem(null);
    try {
      setSaved(await create.mutateAsync({ ...toPayload(values), checkpointId: checkpoint?.id ?? null }));
    } catch (err) {
      if (!isApiError(err)) return setProblem(t('errors.unknown'));
      if (err.sessionEnded) return;
      const problems = err.details.length ? err.details : err.field ? [{ field: err.field, message: err.message }] : [];
      const onForm = problems.filter((p) => formFieldOf(p.field));
      form.setFields(onForm.map((p) => ({ name: formFieldOf(p.field) as keyof DeclarationFormValues, errors: [p.message] })));
      if (onForm.length < problems.length || !problems.length) setProblem(err.message);
    }
  };

  const next = () => {
    form.setFieldsValue(NEXT_IN_FAMILY);
    setSaved(null);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      title={checkpoint ? t('arrivals.staffForm.titleAt', { name: checkpoint.name }) : t('arrivals.staffForm.title')}
      extra={
        !saved && (
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="staff-decl-save">
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      {saved && (
        <Result
          status="success"
          data-testid="staff-decl-result"
          title={t('arrivals.staffForm.saved', { name: saved.fullName })}
          subTitle={
            <Flex vertical gap={4}>
              <Typography.Text>
                {t('arrivals.fields.receiptCode')}:{' '}
                <Typography.Text strong code data-testid="staff-decl-receipt">
                  {saved.receiptCode}
                </Typography.Text>
              </Typography.Text>
              <span>{saved.personCreated ? t('arrivals.staffForm.personCreated') : t('arrivals.staffForm.personLinked')}</span>
              {saved.fromZone && <Typography.Text type="danger">{t('arrivals.staffForm.followUpOpened')}</Typography.Text>}
            </Flex>
          }
          extra={[
            <Button key="next" type="primary" onClick={next} data-testid="staff-decl-next">
              {t('arrivals.staffForm.next')}
            </Button>,
            <Button key="close" onClick={onClose}>
              {t('common.close')}
            </Button>,
          ]}
        />
      )}
      <div hidden={!!saved}>
        <Form<DeclarationFormValues>
          form={form}
          name="staffDeclaration"
          layout="vertical"
          data-testid="staff-decl-form"
          initialValues={emptyDeclaration(vnDate())}
          onFinish={(v) => void onFinish(v)}
          autoComplete="off"
        >
          <IdentityFields phoneRequired={false} />
          <JourneyFields checkpointToken={checkpoint?.publicToken} arrivalInput={<StaffArrivalDate />} />
          <HealthFields />
          {problem && <Alert type="error" showIcon title={problem} />}
        </Form>
      </div>
    </Drawer>
  );
}
