import { Alert, App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import type { Resources } from '../../i18n/vi';
import { UnitSelect } from '../units/UnitSelect';
import { householdKeys, useCreateHousehold, useUpdateHousehold } from './api';
import { householdTitle } from './labels';
import { PersonSelect } from './PersonSelect';
import { HOUSEHOLD_KINDS, type Household, type HouseholdDetail, type HouseholdInput, type HouseholdKind } from './types';

interface Values {
  kind: HouseholdKind;
  unitCode?: string;
  code?: string;
  name?: string;
  address?: string;
  headPersonId?: number | null;
  landlordName?: string;
  landlordPhone?: string;
  capacity?: number | null;
}

interface Props {
  open: boolean;
  /** null: a new household. */
  household: Household | null;
  onClose: () => void;
}

type HouseholdField = keyof Resources['people']['households']['fields'];

const text = (v?: string | null) => (v && v.trim() ? v.trim() : null);

function valuesOf(h: Household): Values {
  return {
    kind: h.kind, unitCode: h.unitCode, code: h.code ?? '', name: h.name ?? '', address: h.address, headPersonId: h.headPersonId,
    landlordName: h.landlordName ?? '', landlordPhone: h.landlordPhone ?? '', capacity: h.capacity,
  };
}

function inputOf(v: Values): HouseholdInput {
  const boarding = v.kind === 'boarding_house';
  return {
    kind: v.kind,
    unitCode: v.unitCode ?? '',
    code: text(v.code),
    name: text(v.name),
    address: (v.address ?? '').trim(),
    headPersonId: v.headPersonId ?? null,
    landlordName: boarding ? text(v.landlordName) : null,
    landlordPhone: boarding ? text(v.landlordPhone) : null,
    capacity: boarding ? (v.capacity ?? null) : null,
  };
}

/** A family household, or a boarding house / workers' lodging managed through its landlord. */
export function HouseholdFormModal({ open, household, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const [base, setBase] = useState<Household | null>(household);
  const [conflict, setConflict] = useState(false);
  const kind = Form.useWatch('kind', form);
  const unitCode = Form.useWatch('unitCode', form);
  const boarding = kind === 'boarding_house';

  const onFinish = async (values: Values) => {
    const input = inputOf(values);
    try {
      if (!base) {
        const created = await create.mutateAsync(input);
        void message.success(t('people.households.created', { name: householdTitle(t, created) }));
      } else {
        const before = inputOf(valuesOf(base));
        const changes: Partial<HouseholdInput> & { version: number } = { version: base.version };
        for (const key of Object.keys(input) as (keyof HouseholdInput)[]) {
          if (input[key] !== before[key]) (changes as Record<string, unknown>)[key] = input[key];
        }
        // The server asks a boarding house for its landlord even when only the kind changes.
        if (changes.kind === 'boarding_house') changes.landlordName = input.landlordName;
        const saved = await update.mutateAsync({ id: base.id, changes });
        void message.success(t('people.households.updated', { name: householdTitle(t, saved) }));
      }
      onClose();
    } catch (err) {
      if (base && isApiError(err) && err.code === 'VERSION_CONFLICT') {
        const fresh = await api.get<HouseholdDetail>(`/households/${base.id}`).catch(() => null);
        if (fresh) {
          queryClient.setQueryData(householdKeys.detail(base.id), fresh);
          setBase(fresh);
          form.setFieldsValue(valuesOf(fresh));
        }
        setConflict(true);
        return;
      }
      showError(err, form);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
  const f = (key: HouseholdField) => t(`people.households.fields.${key}`);

  return (
    <Modal
      open={open}
      title={base ? t('people.households.editTitle') : t('people.households.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'household-save' }}
      destroyOnHidden
      width={600}
    >
      {conflict && <Alert type="warning" showIcon title={t('people.households.conflict')} style={{ marginBottom: 16 }} data-testid="household-conflict" />}
      <Form<Values>
        form={form}
        name="household"
        layout="vertical"
        data-testid="household-form"
        onFinish={onFinish}
        initialValues={base ? valuesOf(base) : { kind: 'family' }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('unitCode' in changed) form.setFieldValue('headPersonId', null);
        }}
        autoComplete="off"
      >
        <Form.Item name="kind" label={f('kind')}>
          <Radio.Group
            data-testid="household-kind"
            options={HOUSEHOLD_KINDS.map((k) => ({ value: k, label: t(`people.households.kinds.${k}`) }))}
          />
        </Form.Item>
        {boarding && <Alert type="info" showIcon title={t('people.households.boardingHint')} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="unitCode"
          label={f('unitCode')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: f('unitCode').toLowerCase() }) }]}
        >
          <UnitSelect placeholder={t('people.form.unitPlaceholder')} data-testid="household-unit" />
        </Form.Item>
        <Form.Item name="code" label={f('code')} extra={t('people.households.codeHint')}>
          <Input maxLength={40} data-testid="household-code" />
        </Form.Item>
        {boarding && (
          <Form.Item name="name" label={f('name')}>
            <Input maxLength={200} data-testid="household-name" />
          </Form.Item>
        )}
        <Form.Item name="address" label={f('address')} rules={[required(f('address'))]}>
          <Input maxLength={300} data-testid="household-address" />
        </Form.Item>
        {boarding && (
          <>
            <Form.Item name="landlordName" label={f('landlordName')} rules={[required(f('landlordName'))]}>
              <Input maxLength={120} data-testid="household-landlord" />
            </Form.Item>
            <Form.Item name="landlordPhone" label={f('landlordPhone')} extra={t('people.form.phoneHint')}>
              <Input maxLength={20} inputMode="tel" data-testid="household-landlord-phone" />
            </Form.Item>
            <Form.Item name="capacity" label={f('capacity')}>
              <InputNumber<number> min={1} max={10000} style={{ width: 160 }} data-testid="household-capacity" />
            </Form.Item>
          </>
        )}
        <Form.Item name="headPersonId" label={f('headPersonId')} extra={t('people.households.headHint')}>
          <PersonSelect unitCode={unitCode} data-testid="household-head" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
