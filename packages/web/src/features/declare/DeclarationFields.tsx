/**
 * The fields of a health declaration, shared by the public form and the staff form at a checkpoint.
 * Field names are the server's, so an error it names lands under the right field.
 */
import { SYMPTOMS, TRANSPORTS, MAX_VACCINATION_DOSES, parseVnDate, vnDate } from '@pcd/core';
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DestinationSelect } from './DestinationSelect';
import { OriginCascader } from './OriginCascader';
import type { DeclarationFormValues } from './declarationValues';

const thisYear = () => Number(vnDate().slice(0, 4));

const required = (message: string) => ({ required: true, whitespace: true, message });

export function IdentityFields({ phoneRequired }: { phoneRequired: boolean }) {
  const { t } = useTranslation();
  const birthMode = Form.useWatch<DeclarationFormValues['birthMode']>('birthMode');
  const maxYear = thisYear();
  return (
    <>
      <Form.Item name="fullName" label={t('declare.fields.fullName')} rules={[required(t('declare.required.fullName'))]}>
        <Input data-testid="decl-fullname" maxLength={120} autoComplete="name" autoCapitalize="words" />
      </Form.Item>
      <Form.Item name="birthMode" label={t('declare.fields.birth')} style={{ marginBottom: 8 }}>
        <Radio.Group
          data-testid="decl-birth-mode"
          optionType="button"
          options={[
            { value: 'year', label: t('declare.birthYearOnly') },
            { value: 'date', label: t('declare.birthDate') },
          ]}
        />
      </Form.Item>
      {birthMode === 'date' ? (
        <Form.Item
          name="dateOfBirth"
          extra={t('declare.dateHint')}
          rules={[
            { required: true, message: t('declare.required.dateOfBirth') },
            {
              validator: async (_, v?: string) => {
                if (!v) return;
                const iso = parseVnDate(v);
                if (!iso) throw new Error(t('declare.invalidDate'));
                if (iso > vnDate()) throw new Error(t('declare.futureBirth'));
              },
            },
          ]}
        >
          <Input data-testid="decl-dob" placeholder="dd/mm/yyyy" inputMode="numeric" maxLength={10} aria-label={t('declare.birthDate')} />
        </Form.Item>
      ) : (
        <Form.Item
          name="birthYear"
          rules={[
            { required: true, message: t('declare.required.birthYear') },
            { type: 'number', min: 1900, max: maxYear, message: t('declare.birthYearRange', { year: maxYear }) },
          ]}
        >
          <InputNumber<number>
            data-testid="decl-birth-year"
            placeholder={t('declare.birthYearPlaceholder')}
            aria-label={t('declare.birthYearOnly')}
            inputMode="numeric"
            controls={false}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="idNumber" label={t('declare.fields.idNumber')} extra={t('declare.idNumberHint')}>
            <Input data-testid="decl-id-number" inputMode="numeric" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={t('declare.fields.phone')}
            rules={phoneRequired ? [required(t('declare.required.phone'))] : []}
          >
            <Input data-testid="decl-phone" inputMode="tel" autoComplete="tel" maxLength={20} placeholder="0912345678" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

interface JourneyProps {
  checkpointToken?: string;
  /** The control for the arrival day: a short list on the public form, a calendar for staff. */
  arrivalInput: ReactNode;
  onDestination?: (label: string | undefined) => void;
}

export function JourneyFields({ checkpointToken, arrivalInput, onDestination }: JourneyProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="fromUnitCode"
        label={t('declare.fields.fromUnitCode')}
        extra={t('declare.originHint')}
        rules={[{ required: true, message: t('declare.required.fromUnitCode') }]}
      >
        <OriginCascader testId="decl-origin" vertical />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="arrivalDate" label={t('declare.fields.arrivalDate')} rules={[{ required: true, message: t('declare.required.arrivalDate') }]}>
            {arrivalInput}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="transport" label={t('declare.fields.transport')} rules={[{ required: true, message: t('declare.required.transport') }]}>
            <Select
              data-testid="decl-transport"
              placeholder={t('declare.transportPlaceholder')}
              options={TRANSPORTS.map((k) => ({ value: k, label: t(`declare.transports.${k}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="toUnitCode" label={t('declare.fields.toUnitCode')} rules={[{ required: true, message: t('declare.required.toUnitCode') }]}>
        <DestinationSelect data-testid="decl-destination" checkpointToken={checkpointToken} onChange={(_, o) => onDestination?.(o?.fullLabel)} />
      </Form.Item>
      <Form.Item name="address" label={t('declare.fields.address')} rules={[required(t('declare.required.address'))]}>
        <Input data-testid="decl-address" maxLength={300} placeholder={t('declare.addressPlaceholder')} />
      </Form.Item>
    </>
  );
}

export function HealthFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="symptoms" label={t('declare.fields.symptoms')} extra={t('declare.symptomsHint')}>
        <Checkbox.Group style={{ width: '100%' }}>
          <Row gutter={[8, 8]}>
            {SYMPTOMS.map((s) => (
              <Col xs={12} sm={8} key={s}>
                <Checkbox value={s} data-testid={`decl-symptom-${s}`}>
                  {t(`declare.symptoms.${s}`)}
                </Checkbox>
              </Col>
            ))}
          </Row>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="vaccinationDoses"
        label={t('declare.fields.vaccinationDoses')}
        rules={[{ required: true, message: t('declare.required.vaccinationDoses') }]}
      >
        <Radio.Group
          data-testid="decl-doses"
          optionType="button"
          buttonStyle="solid"
          options={Array.from({ length: MAX_VACCINATION_DOSES + 1 }, (_, n) => ({ value: n, label: String(n) }))}
        />
      </Form.Item>
    </>
  );
}
