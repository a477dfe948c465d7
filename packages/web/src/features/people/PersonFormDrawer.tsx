import { Alert, App, Button, Checkbox, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { peopleKeys, useCreatePerson, useUpdatePerson } from './api';
import { HouseholdSelect } from './HouseholdSelect';
import { flagOptions, sexOptions, statusOptions } from './labels';
import { changesOf, emptyValues, inputOf, thisYear, valuesOf, type PersonFormValues } from './personFormValues';
import type { Person, PersonDetail, PersonInput } from './types';

interface Props {
  open: boolean;
  /** null: a new person; otherwise the record being edited, as last read. */
  person: Person | null;
  /** Prefilled for a new person, e.g. when adding a member to a household. */
  defaults?: Partial<Pick<PersonInput, 'unitCode' | 'householdId' | 'address'>>;
  onClose: () => void;
}

const DATE_FORMAT = 'DD/MM/YYYY';

/**
 * Creates or edits a person. The server checks ID numbers, phones and dates; its message is shown
 * under the field it names. A stale version (409) keeps the drawer open and offers the latest record.
 */
export function PersonFormDrawer({ open, person, defaults, onClose }: Props) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  // The version being edited: replaced when the official reloads after a conflict.
  const [base, setBase] = useState<Person | null>(person);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [existingId, setExistingId] = useState<number | null>(null);
  const birthMode = Form.useWatch('birthMode', form);
  const unitCode = Form.useWatch('unitCode', form);
  const status = Form.useWatch('residenceStatus', form);
  const sex = Form.useWatch('sex', form);
  const editing = base !== null;

  const onFinish = async (values: PersonFormValues) => {
    setExistingId(null);
    try {
      if (!base) {
        const created = await create.mutateAsync(inputOf(values));
        void message.success(t('people.form.created', { name: created.fullName }));
        if (created.probableDuplicates.length > 0) {
          const key = `dup-${created.id}`;
          notification.warning({
            key,
            title: t('people.form.possibleDuplicatesTitle'),
            description: t('people.form.possibleDuplicates', { name: created.fullName, count: created.probableDuplicates.length }),
            duration: 0,
            actions: (
              <Button
                type="primary"
                size="small"
                data-testid="person-duplicates-review"
                onClick={() => {
                  notification.destroy(key);
                  navigate(`/people/${created.id}`);
                }}
              >
                {t('people.form.review')}
              </Button>
            ),
          });
        }
      } else {
        const changes = changesOf(base, values);
        if (Object.keys(changes).length > 1) {
          const saved = await update.mutateAsync({ id: base.id, changes });
          void message.success(t('people.form.updated', { name: saved.fullName }));
        }
      }
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        setConflict(true);
        return;
      }
      if (isApiError(err) && err.code === 'DUPLICATE_ID') {
        const id = (err.payload as { error?: { existingId?: number } } | undefined)?.error?.existingId;
        setExistingId(id ?? null);
      }
      showError(err, form);
    }
  };

  const reload = async () => {
    if (!base) return;
    setReloading(true);
    try {
      const fresh = await api.get<PersonDetail>(`/people/${base.id}`);
      queryClient.setQueryData(peopleKeys.detail(base.id), fresh);
      setBase(fresh);
      form.resetFields();
      form.setFieldsValue(valuesOf(fresh));
      setConflict(false);
      void message.info(t('people.form.reloaded'));
    } catch (err) {
      showError(err);
    } finally {
      setReloading(false);
    }
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: t('common.required', { field: label.toLowerCase() }) });
  const maxYear = thisYear();

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={editing ? t('people.form.editTitle', { name: base.fullName }) : t('people.form.createTitle')}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="person-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="person-conflict"
          title={t('people.form.conflictTitle')}
          description={t('people.form.conflictText')}
          action={
            <Button size="small" type="primary" loading={reloading} onClick={() => void reload()} data-testid="person-conflict-reload">
              {t('people.form.conflictReload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<PersonFormValues>
        form={form}
        name="person"
        layout="vertical"
        data-testid="person-form"
        onFinish={onFinish}
        initialValues={base ? valuesOf(base) : emptyValues(defaults)}
        onValuesChange={(changed: Partial<PersonFormValues>) => {
          // A household belongs to one village: changing the village drops the household chosen for the old one.
          if ('unitCode' in changed) form.setFieldValue('householdId', null);
          if ('idNumber' in changed) setExistingId(null);
        }}
        autoComplete="off"
      >
        <Form.Item name="fullName" label={t('people.fields.fullName')} rules={[required(t('people.fields.fullName'))]}>
          <Input data-testid="person-fullname" maxLength={120} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="birthMode" label={t('people.form.birthMode')}>
              <Radio.Group
                data-testid="person-birth-mode"
                options={[
                  { value: 'date', label: t('people.form.birthModeDate') },
                  { value: 'year', label: t('people.form.birthModeYear') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {birthMode === 'year' ? (
              <Form.Item
                name="birthYear"
                label={t('people.fields.birthYear')}
                rules={[{ type: 'number', min: 1890, max: maxYear, message: t('people.form.birthYearRange', { year: maxYear }) }]}
              >
                <InputNumber<number> style={{ width: '100%' }} controls={false} data-testid="person-birth-year" />
              </Form.Item>
            ) : (
              <Form.Item name="dateOfBirth" label={t('people.fields.dateOfBirth')}>
                <DatePicker
                  format={DATE_FORMAT}
                  placeholder={t('people.form.datePlaceholder')}
                  disabledDate={(d: Dayjs) => d.year() > maxYear || d.isAfter(new Date(), 'day')}
                  style={{ width: '100%' }}
                  data-testid="person-dob"
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="sex" label={t('people.fields.sex')}>
              <Radio.Group data-testid="person-sex" options={sexOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="ethnicity" label={t('people.fields.ethnicity')}>
              <Input data-testid="person-ethnicity" maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="idNumber"
              label={t('people.fields.idNumber')}
              extra={
                existingId ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/people/${existingId}`)} data-testid="person-open-existing">
                    {t('people.form.openExisting')}
                  </Button>
                ) : (
                  t('people.form.idNumberHint')
                )
              }
            >
              <Input data-testid="person-id-number" inputMode="numeric" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('people.fields.phone')} extra={t('people.form.phoneHint')}>
              <Input data-testid="person-phone" inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="occupation" label={t('people.fields.occupation')}>
          <Input data-testid="person-occupation" maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="unitCode"
              label={t('people.fields.unitCode')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('people.fields.unitCode').toLowerCase() }) }]}
            >
              <UnitSelect placeholder={t('people.form.unitPlaceholder')} valueLabel={base?.unitName} data-testid="person-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="householdId" label={t('people.fields.householdId')}>
              <HouseholdSelect unitCode={unitCode} data-testid="person-household" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('people.fields.address')}>
          <Input data-testid="person-address" maxLength={300} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="residenceStatus" label={t('people.fields.residenceStatus')}>
              <Select options={statusOptions(t)} data-testid="person-status" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="residenceFrom" label={t('people.fields.residenceFrom')}>
              <DatePicker format={DATE_FORMAT} placeholder={t('people.form.datePlaceholder')} style={{ width: '100%' }} data-testid="person-residence-from" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="residenceTo" label={t('people.fields.residenceTo')}>
              <DatePicker format={DATE_FORMAT} placeholder={t('people.form.datePlaceholder')} style={{ width: '100%' }} data-testid="person-residence-to" />
            </Form.Item>
          </Col>
        </Row>
        {status && status !== 'thuong_tru' && <Alert type="info" showIcon title={t('people.form.residenceHint')} style={{ marginTop: -8, marginBottom: 16 }} />}
        <Form.Item label={t('people.fields.flags')} style={{ marginBottom: 0 }}>
          <Flex gap={16} wrap>
            {flagOptions(t).map((f) => (
              <Form.Item key={f.value} name={['flags', f.value]} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid={`person-flag-${f.value}`} disabled={f.value === 'pregnant' && sex === 'male'}>
                  {f.label}
                </Checkbox>
              </Form.Item>
            ))}
          </Flex>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
