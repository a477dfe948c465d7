/**
 * Records a swab: one person, or a pool of several (RT-PCR only, up to the campaign's pool size).
 * Test ids: sample-form, sample-mode-single, sample-mode-pooled, sample-person, sample-add-member, sample-member (data-id, from PoolPicker),
 * sample-type, sample-collector, sample-lab, sample-save.
 */
import { POOLING_RULES, TEST_TYPES, type TestType } from '@pcd/core';
import { App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { PersonSelect } from '../people/PersonSelect';
import { useCreateSample } from './api';
import { PoolPicker } from './PoolPicker';
import type { Campaign } from './types';

interface Values { personId?: number; pooled?: number[]; type: TestType; collectedAt: Dayjs; collector?: string; lab?: string }

export function SampleForm({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'single' | 'pooled'>('pooled');
  const pooled = Form.useWatch('pooled', form);
  const create = useCreateSample();
  const showError = useShowError();
  const s = (key: string) => t(`testing.sample.${key}` as 'testing.sample.type');
  const pooledTypes = POOLING_RULES.pooledTypes as readonly string[];

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        campaignId: campaign.id, type: v.type, collectedAt: v.collectedAt.toISOString(),
        collector: v.collector?.trim() || undefined, lab: v.lab?.trim() || undefined,
        ...(mode === 'pooled' ? { pooled: v.pooled ?? [] } : { personId: v.personId }),
      });
      void message.success(s('saved'));
      form.setFieldsValue({ personId: undefined, pooled: [], collectedAt: dayjs() });
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Card title={s('record')} data-testid="sample-form">
      <Form form={form} layout="vertical" initialValues={{ type: 'rt_pcr', collectedAt: dayjs() }}>
        <Form.Item label={s('mode')}>
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
            <Radio.Button value="single" data-testid="sample-mode-single">{s('single')}</Radio.Button>
            <Radio.Button value="pooled" data-testid="sample-mode-pooled">{s('pooled')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {mode === 'single' ? (
          <Form.Item name="personId" label={s('person')} rules={[{ required: true }]}>
            <PersonSelect unitCode={campaign.unitCode} data-testid="sample-person" />
          </Form.Item>
        ) : (
          <Form.Item name="pooled" label={t('testing.sample.members', { count: pooled?.length ?? 0, max: campaign.poolSize })} rules={[{ required: true, type: 'array', min: 2 }]}>
            <PoolPicker unitCode={campaign.unitCode} max={campaign.poolSize} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={s('type')} rules={[{ required: true }]}>
              <Select
                data-testid="sample-type"
                options={TEST_TYPES.map((x) => ({ value: x, label: t(`testing.types.${x}`), disabled: mode === 'pooled' && !pooledTypes.includes(x) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="collectedAt" label={s('collectedAt')} rules={[{ required: true }]}>
              <DatePicker showTime format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="collector" label={s('collector')}>
              <Input data-testid="sample-collector" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="lab" label={s('lab')}>
              <Input data-testid="sample-lab" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" onClick={() => void submit()} loading={create.isPending} disabled={campaign.status === 'closed'} data-testid="sample-save">
          {s('save')}
        </Button>
      </Form>
    </Card>
  );
}
