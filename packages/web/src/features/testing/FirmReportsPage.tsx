/**
 * Firms report their own screening of workers (seed 000 item 6) so the command center can oversee it.
 * Test ids: firm-reports-page, firm-form, firm-name, firm-tested, firm-positives, firm-reported-by, firm-save, firm-row (data-id).
 */
import { TEST_TYPES, formatDate, vnDate } from '@pcd/core';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useCurrentSession, usePermission } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateFirmReport, useFirmReports } from './api';
import { TestingTabs } from './TestingTabs';
import type { FirmReport } from './types';

interface Values { firmName: string; unitCode: string; reportDate: Dayjs; workersTested: number; positives: number; testType: string; reportedBy: string; note?: string }

export function FirmReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useCurrentSession();
  const canManage = usePermission('testing.manage');
  const [page, setPage] = useState(1);
  const list = useFirmReports(page);
  const create = useCreateFirmReport();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const f = (key: string) => t(`testing.firms.${key}` as 'testing.firms.firmName');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, reportDate: v.reportDate.format('YYYY-MM-DD'), note: v.note?.trim() || null });
      void message.success(f('saved'));
      form.resetFields(['firmName', 'workersTested', 'positives', 'reportedBy', 'note']);
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <div data-testid="firm-reports-page">
      <PageHeader title={t('testing.title')} />
      <TestingTabs />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {canManage && (
          <Card title={f('create')}>
            <Form
              form={form}
              layout="vertical"
              data-testid="firm-form"
              initialValues={{ unitCode: user.unitCode ?? undefined, reportDate: dayjs(vnDate()), testType: 'rapid_antigen', positives: 0 }}
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="firmName" label={f('firmName')} rules={[{ required: true, whitespace: true, min: 2 }]}>
                    <Input data-testid="firm-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="unitCode" label={f('unit')} rules={[{ required: true }]}>
                    <UnitSelect valueLabel={user.unitName} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name="reportDate" label={f('reportDate')} rules={[{ required: true }]}>
                    <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name="testType" label={f('type')}>
                    <Select options={TEST_TYPES.map((x) => ({ value: x, label: t(`testing.types.${x}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="workersTested" label={f('workersTested')} rules={[{ required: true }]}>
                    <InputNumber min={0} style={{ width: '100%' }} data-testid="firm-tested" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="positives" label={f('positives')} rules={[{ required: true }]}>
                    <InputNumber min={0} style={{ width: '100%' }} data-testid="firm-positives" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="reportedBy" label={f('reportedBy')} rules={[{ required: true, whitespace: true, min: 2 }]}>
                    <Input data-testid="firm-reported-by" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="note" label={f('note')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Button type="primary" onClick={() => void submit()} loading={create.isPending} data-testid="firm-save">{t('common.save')}</Button>
            </Form>
          </Card>
        )}
        {list.error ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Card>
            <Table<FirmReport>
              rowKey="id"
              size="small"
              loading={list.isLoading}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: f('empty') }}
              onRow={(r) => ({ 'data-testid': 'firm-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
              pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
              columns={[
                { title: f('reportDate'), render: (_, r) => formatDate(r.reportDate) },
                { title: f('firmName'), dataIndex: 'firmName' },
                { title: f('unit'), dataIndex: 'unitName' },
                { title: f('type'), render: (_, r) => t(`testing.types.${r.testType}`) },
                { title: f('workersTested'), dataIndex: 'workersTested', align: 'right' },
                { title: f('positives'), dataIndex: 'positives', align: 'right' },
                { title: f('rate'), align: 'right', render: (_, r) => (r.positivityRate === null ? '' : `${r.positivityRate} %`) },
                { title: f('reportedBy'), dataIndex: 'reportedBy' },
              ]}
            />
          </Card>
        )}
      </Space>
    </div>
  );
}
