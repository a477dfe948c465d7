import { MAX_RULE_DAYS } from '@pcd/core';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useReplaceRule } from './api';
import type { Rule } from './types';

interface Props {
  /** The rule shown as the starting point (the effective one). */
  base: Rule | null;
  /** The version of the caller's own unit's rule, which this one replaces; none when the unit has none yet. */
  replacesVersion?: number;
  onClose: () => void;
}

interface FormValues {
  name: string;
  quarantineDays: number;
  testDays: number[];
}

const DAY_OPTIONS = Array.from({ length: MAX_RULE_DAYS }, (_, i) => i + 1);

/** A new rule for the caller's province or district; follow-ups already open keep the rule they began with. */
export function RuleFormModal({ base, replacesVersion, onClose }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const replace = useReplaceRule();

  const onFinish = async (v: FormValues) => {
    try {
      await replace.mutateAsync({ name: v.name.trim(), quarantineDays: v.quarantineDays, testDays: [...v.testDays].sort((a, b) => a - b), version: replacesVersion });
      void message.success(t('arrivals.rules.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        modal.warning({ title: t('arrivals.rules.conflictTitle'), content: t('arrivals.rules.conflict') });
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      destroyOnHidden
      title={t('arrivals.rules.editTitle')}
      okText={t('common.save')}
      okButtonProps={{ loading: replace.isPending, 'data-testid': 'rule-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues>
        form={form}
        name="rule"
        layout="vertical"
        data-testid="rule-form"
        initialValues={{ name: base?.name ?? '', quarantineDays: base?.quarantineDays ?? 7, testDays: base?.testDays ?? [1, 7] }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="name" label={t('arrivals.rules.name')} rules={[{ required: true, whitespace: true, min: 3, message: t('arrivals.rules.nameRequired') }]}>
          <Input maxLength={200} placeholder={t('arrivals.rules.namePlaceholder')} data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="quarantineDays" label={t('arrivals.rules.quarantineDays')} extra={t('arrivals.rules.quarantineHint')} rules={[{ required: true, message: t('arrivals.rules.quarantineRequired') }]}>
          <InputNumber<number> min={0} max={MAX_RULE_DAYS} precision={0} style={{ width: 160 }} data-testid="rule-quarantine" />
        </Form.Item>
        <Form.Item name="testDays" label={t('arrivals.rules.testDays')} extra={t('arrivals.rules.testDaysHint')}>
          <Select<number[]>
            mode="multiple"
            data-testid="rule-test-days"
            options={DAY_OPTIONS.map((d) => ({ value: d, label: t('arrivals.rules.day', { day: d }) }))}
            placeholder={t('arrivals.rules.testDaysPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
