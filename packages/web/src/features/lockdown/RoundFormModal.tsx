/**
 * One testing round: people in the zone, how many were tested, how many were positive.
 * Test ids: round-form, round-date, round-residents, round-tested, round-positives, round-save.
 */
import { vnDate } from '@pcd/core';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useAddRound } from './api';
import type { LockdownZone } from './types';

interface Values {
  date: Dayjs;
  residents: number;
  tested: number;
  positives: number;
  note?: string;
}

export function RoundFormModal({ zone, onClose, reload }: { zone: LockdownZone; onClose: () => void; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddRound(zone.id);
  const showError = useShowError();
  const f = (k: string) => t(`lockdown.rounds.${k}` as 'lockdown.rounds.date');
  const previous = zone.rounds[zone.rounds.length - 1];

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const after = await add.mutateAsync({
        version: zone.version, date: v.date.format('YYYY-MM-DD'), residents: v.residents, tested: v.tested, positives: v.positives ?? 0, note: v.note?.trim() || null,
      });
      const round = after.rounds[after.rounds.length - 1];
      void message.success(t('lockdown.rounds.added', { no: round.roundNo, pct: round.sharePct.toLocaleString('vi-VN') }));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void reload();
        void message.warning(t('lockdown.stale'));
        return;
      }
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={t('lockdown.rounds.addTitle', { no: zone.rounds.length + 1, name: zone.name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'round-save' }}
    >
      <Form form={form} layout="vertical" data-testid="round-form" initialValues={{ date: dayjs(vnDate()), residents: previous?.residents, positives: 0 }}>
        <Form.Item name="date" label={f('date')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="round-date" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="residents" label={f('residents')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="round-residents" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="tested" label={f('tested')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="round-tested" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="positives" label={f('positives')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="round-positives" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={f('note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
