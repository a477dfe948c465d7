import { DeleteOutlined } from '@ant-design/icons';
import { SEXES } from '@pcd/core';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OriginSelect } from './OriginSelect';

const DATE_FORMAT = 'DD/MM/YYYY';
const future = (d: Dayjs) => d.isAfter(new Date(), 'day');

/**
 * One person found newly arrived in the household. Field names match the server's
 * (`arrivals.<n>.idNumber`…), so its Vietnamese message lands under the right input.
 */
export function ArrivalFields({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  return (
    <Card
      size="small"
      title={t('sweeps.visit.arrivalN', { n: index + 1 })}
      extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('sweeps.visit.removeArrival')} data-testid="visit-arrival-remove" />}
      data-testid="visit-arrival"
      styles={{ body: { paddingBottom: 0 } }}
    >
      <Form.Item name={[name, 'fullName']} label={t('sweeps.visit.fullName')} rules={[{ required: true, whitespace: true, message: t('sweeps.visit.fullNameRequired') }]}>
        <Input maxLength={200} data-testid="visit-arrival-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name={[name, 'birthYear']} label={t('sweeps.visit.birthYear')} rules={[{ type: 'number', min: 1890, max: thisYear, message: t('sweeps.visit.birthYearRange', { year: thisYear }) }]}>
            <InputNumber<number> controls={false} inputMode="numeric" style={{ width: '100%' }} data-testid="visit-arrival-birth-year" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name={[name, 'sex']} label={t('sweeps.visit.sex')}>
            <Radio.Group options={SEXES.map((s) => ({ value: s, label: t(`sweeps.visit.sexes.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'dateOfBirth']} label={t('sweeps.visit.dateOfBirth')}>
            <DatePicker format={DATE_FORMAT} disabledDate={future} style={{ width: '100%' }} data-testid="visit-arrival-dob" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={[name, 'idNumber']} label={t('sweeps.visit.idNumber')} extra={t('sweeps.visit.idNumberHint')}>
            <Input inputMode="numeric" maxLength={20} data-testid="visit-arrival-id" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name={[name, 'phone']} label={t('sweeps.visit.phone')}>
            <Input inputMode="tel" maxLength={20} data-testid="visit-arrival-phone" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name={[name, 'originUnitCode']} label={t('sweeps.visit.origin.label')}>
            <OriginSelect data-testid="visit-arrival-origin" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'arrivalDate']} label={t('sweeps.visit.arrivalDate')} rules={[{ required: true, message: t('sweeps.visit.arrivalDateRequired') }]}>
            <DatePicker format={DATE_FORMAT} disabledDate={future} style={{ width: '100%' }} data-testid="visit-arrival-date" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
