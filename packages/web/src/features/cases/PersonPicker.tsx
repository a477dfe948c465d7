import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DestinationSelect } from '../declare/DestinationSelect';
import { sexOptions } from '../people/labels';
import { PersonSelect } from '../people/PersonSelect';
import { UnitSelect } from '../units/UnitSelect';

export type PersonMode = 'existing' | 'new';

/**
 * Either a resident already in the registry (personId) or a new one typed in (person.*, named as the
 * server names its field errors). A contact may live in any commune, so `anywhere` searches them all.
 */
export function PersonPicker({ anywhere = false, prefix }: { anywhere?: boolean; prefix: string }) {
  const { t } = useTranslation();
  const mode = Form.useWatch<PersonMode>('personMode');
  return (
    <>
      <Form.Item name="personMode" initialValue="existing">
        <Radio.Group
          data-testid={`${prefix}-person-mode`}
          options={[
            { value: 'existing', label: t('cases.person.existing') },
            { value: 'new', label: t('cases.person.new') },
          ]}
        />
      </Form.Item>
      {mode !== 'new' ? (
        <Form.Item name="personId" label={t('cases.fields.personId')} rules={[{ required: true, message: t('cases.person.pick') }]}>
          <PersonSelect placeholder={t('cases.person.pick')} data-testid={`${prefix}-person`} />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name={['person', 'fullName']} label={t('cases.person.fullName')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid={`${prefix}-person-name`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['person', 'birthYear']} label={t('cases.person.birthYear')}>
              <InputNumber min={1900} max={2100} style={{ width: '100%' }} data-testid={`${prefix}-person-year`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['person', 'sex']} label={t('cases.person.sex')}>
              <Select allowClear options={sexOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['person', 'phone']} label={t('cases.person.phone')}>
              <Input data-testid={`${prefix}-person-phone`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['person', 'idNumber']} label={t('cases.person.idNumber')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['person', 'unitCode']} label={t('cases.person.unitCode')} rules={[{ required: true }]}>
              {anywhere ? <DestinationSelect data-testid={`${prefix}-person-unit`} /> : <UnitSelect data-testid={`${prefix}-person-unit`} />}
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['person', 'address']} label={t('cases.person.address')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

interface PersonValues { personMode?: PersonMode; personId?: number; person?: Record<string, unknown> }

/** The person part of a request body: empty optional fields are left out rather than sent as "". */
export function personBody(v: PersonValues): { personId?: number; person?: Record<string, unknown> } {
  if (v.personMode !== 'new') return { personId: v.personId };
  const person = Object.fromEntries(Object.entries(v.person ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''));
  return { person };
}
