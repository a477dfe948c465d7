/**
 * Edits a province's or district's own values of one rule set. Only the values that differ from
 * what applies above the unit are sent; the server checks them and names the wrong one.
 * Test ids: rule-form, rule-input (data-key), rule-save.
 */
import { App, Form, Input, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { useResetRuleSetting, useSaveRuleSetting } from './api';
import type { RuleField, RuleSet, SettingValue } from './types';

type FormValue = number | boolean | string | string[] | null | undefined;

function toForm(f: RuleField, v: SettingValue): FormValue {
  if (f.kind === 'days') return (v as number[]).join(', ');
  return v as FormValue;
}

/** The value a form field holds, in the server's shape; undefined when the text cannot be read. */
function fromForm(f: RuleField, v: FormValue): SettingValue | undefined {
  if (f.kind === 'days') {
    const text = String(v ?? '').trim();
    if (!text) return [];
    const parts = text.split(/[,;\s]+/).filter(Boolean).map(Number);
    return parts.every((n) => Number.isFinite(n)) ? parts : undefined;
  }
  if (f.kind === 'int') return v === undefined || v === '' ? null : (v as number | null);
  return v as SettingValue;
}

const same = (a: SettingValue, b: SettingValue) => JSON.stringify(a) === JSON.stringify(b);

export function RuleSetForm({ ruleSet, unit, onClose }: { ruleSet: RuleSet; unit: { code: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ overrides: Record<string, FormValue> }>();
  const save = useSaveRuleSetting();
  const reset = useResetRuleSetting();
  const showError = useShowError();
  const words = { none: t('rules.none'), yes: t('rules.yes'), no: t('rules.no'), daysPlaceholder: t('rules.daysPlaceholder') };

  const submit = async () => {
    const { overrides: raw } = await form.validateFields();
    const overrides: Record<string, SettingValue> = {};
    for (const f of ruleSet.fields) {
      const v = fromForm(f, raw[f.key]);
      if (v === undefined) {
        form.setFields([{ name: ['overrides', f.key], errors: [t('rules.daysInvalid')] }]);
        return;
      }
      if (!same(v, f.inheritedValue)) overrides[f.key] = v;
    }
    try {
      if (Object.keys(overrides).length === 0) {
        if (ruleSet.own) await reset.mutateAsync({ key: ruleSet.key, unit: unit.code, version: ruleSet.own.version });
        void message.info(t('rules.unchanged'));
      } else {
        await save.mutateAsync({ key: ruleSet.key, unit: unit.code, overrides, version: ruleSet.own?.version });
        void message.success(t('rules.saved', { label: ruleSet.label, unit: unit.name }));
      }
      onClose();
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      width={760}
      title={t('rules.formTitle', { label: ruleSet.label, unit: unit.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending || reset.isPending}
      okButtonProps={{ 'data-testid': 'rule-save' }}
    >
      <Typography.Paragraph type="secondary">{t('rules.formHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        data-testid="rule-form"
        initialValues={{ overrides: Object.fromEntries(ruleSet.fields.map((f) => [f.key, toForm(f, f.value)])) }}
      >
        {ruleSet.fields.map((f) => (
          <Form.Item
            key={f.key}
            name={['overrides', f.key]}
            label={f.label}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
            extra={[t('rules.inherited', { text: inheritedText(f, words) }), f.min !== undefined ? t('rules.range', { min: f.min, max: f.max }) : ''].filter(Boolean).join(' · ')}
            rules={f.kind === 'int' && !f.nullable ? [{ required: true, message: t('common.required', { field: f.label.toLowerCase() }) }] : []}
          >
            {input(f, words.daysPlaceholder)}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function inheritedText(f: RuleField, words: { none: string; yes: string; no: string }): string {
  const v = f.inheritedValue;
  if (v === null) return words.none;
  if (f.kind === 'bool') return v ? words.yes : words.no;
  if (f.kind === 'choices') return (v as string[]).map((x) => f.options?.find((o) => o.value === x)?.label ?? x).join(', ');
  if (f.kind === 'days') return (v as number[]).join(', ') || words.none;
  return `${v}${f.suffix ? ` ${f.suffix}` : ''}`;
}

function input(f: RuleField, daysPlaceholder: string) {
  const testId = { 'data-testid': 'rule-input', 'data-key': f.key };
  switch (f.kind) {
    case 'bool':
      return <Switch {...testId} />;
    case 'choices':
      return <Select mode="multiple" options={f.options} {...testId} />;
    case 'days':
      return <Input placeholder={daysPlaceholder} {...testId} />;
    default:
      // No min/max here: the input would silently clamp what was typed; the server names the range instead.
      return <InputNumber precision={0} addonAfter={f.suffix} style={{ width: 220 }} {...testId} />;
  }
}
