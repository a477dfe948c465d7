import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import vi from '../../i18n/vi';
import { UnitSelect } from '../units/UnitSelect';
import type { AuditFilters } from './types';

// The codes the server writes; the fields still accept any other code typed by hand.
const ACTIONS = Object.keys(vi.audit.actions) as (keyof typeof vi.audit.actions)[];
const ENTITIES = Object.keys(vi.audit.entities) as (keyof typeof vi.audit.entities)[];

interface Values {
  username?: string;
  action?: string;
  entity?: string;
  unit?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const ISO = 'YYYY-MM-DD';

export function AuditFilterBar({ value, onChange }: { value: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  // The URL is the source of truth: Back/Forward must refill the form.
  useEffect(() => {
    form.setFieldsValue({
      username: value.username,
      action: value.action,
      entity: value.entity,
      unit: value.unit || undefined,
      range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null,
    });
  }, [form, value]);

  const submit = (v: Values) =>
    onChange({
      username: v.username?.trim() ?? '',
      action: v.action?.trim() ?? '',
      entity: v.entity?.trim() ?? '',
      unit: v.unit ?? '',
      from: v.range?.[0]?.format(ISO) ?? '',
      to: v.range?.[1]?.format(ISO) ?? '',
    });

  const reset = () => {
    form.resetFields();
    onChange({ username: '', action: '', entity: '', unit: '', from: '', to: '' });
  };

  return (
    <Form<Values> form={form} name="auditFilters" layout="inline" onFinish={submit} data-testid="audit-filters" style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="username">
        <Input allowClear placeholder={t('audit.username')} aria-label={t('audit.username')} data-testid="audit-filter-username" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          aria-label={t('audit.actionSuggestions')}
          data-testid="audit-filter-action"
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          options={ACTIONS.map((a) => ({ value: a, label: `${t(`audit.actions.${a}`)} (${a})` }))}
          showSearch={{ filterOption: (input, option) => !!option && `${option.value} ${option.label}`.toLowerCase().includes(input.toLowerCase()) }}
        />
      </Form.Item>
      <Form.Item name="entity">
        <AutoComplete
          allowClear
          placeholder={t('audit.entity')}
          aria-label={t('audit.entitySuggestions')}
          data-testid="audit-filter-entity"
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          options={ENTITIES.map((e) => ({ value: e, label: `${t(`audit.entities.${e}`)} (${e})` }))}
          showSearch={{ filterOption: (input, option) => !!option && `${option.value} ${option.label}`.toLowerCase().includes(input.toLowerCase()) }}
        />
      </Form.Item>
      <Form.Item name="unit">
        <UnitSelect allowClear placeholder={t('audit.unit')} data-testid="audit-filter-unit" />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          placeholder={[t('audit.from'), t('audit.to')]}
          data-testid="audit-filter-range"
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-filter-apply">
          {t('common.apply')}
        </Button>
        <Button onClick={reset}>{t('common.resetFilters')}</Button>
      </Space>
    </Form>
  );
}
