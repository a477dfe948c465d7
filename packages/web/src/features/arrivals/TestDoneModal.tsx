import { TEST_RESULTS, formatDate, vnDate, type TestResult } from '@pcd/core';
import { DatePicker, Form, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { pendingTests } from './labels';
import type { Obligation } from './types';

export interface TestDoneValues {
  testDay: number;
  doneOn: string;
  result: TestResult | null;
}

interface Props {
  obligation: Obligation | null;
  saving: boolean;
  onSubmit: (values: TestDoneValues) => void;
  onClose: () => void;
}

interface FormValues {
  testDay: number;
  doneOn: Dayjs;
  result: TestResult | 'none';
}

/** Records that a sample was taken: which test of the rule, the day, and the result when known. */
export function TestDoneModal({ obligation, saving, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  if (!obligation) return null;
  const first = pendingTests(obligation)[0];
  const today = vnDate();
  return (
    <Modal
      open
      destroyOnHidden
      title={t('arrivals.work.testTitle', { name: obligation.fullName })}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, 'data-testid': 'test-done-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues>
        form={form}
        name="testDone"
        layout="vertical"
        data-testid="test-done-form"
        initialValues={{ testDay: first?.day, doneOn: dayjs(first && first.date < today ? first.date : today), result: 'negative' }}
        onFinish={(v) => onSubmit({ testDay: v.testDay, doneOn: v.doneOn.format('YYYY-MM-DD'), result: v.result === 'none' ? null : v.result })}
      >
        <Form.Item name="testDay" label={t('arrivals.work.whichTest')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="test-done-day"
            options={obligation.tests.map((x) => ({
              value: x.day,
              label: t('arrivals.work.testOn', { day: x.day, date: formatDate(x.date) }) + (x.doneOn ? ` (${t('arrivals.work.recorded')})` : ''),
            }))}
          />
        </Form.Item>
        <Form.Item name="doneOn" label={t('arrivals.work.doneOn')} rules={[{ required: true, message: t('arrivals.work.doneOnRequired') }]}>
          <DatePicker
            format="DD/MM/YYYY"
            allowClear={false}
            data-testid="test-done-date"
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < obligation.startDate}
          />
        </Form.Item>
        <Form.Item name="result" label={t('arrivals.work.result')}>
          <Radio.Group
            data-testid="test-done-result"
            options={[...TEST_RESULTS.map((r) => ({ value: r, label: t(`arrivals.results.${r}`) })), { value: 'none', label: t('arrivals.work.noResult') }]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
