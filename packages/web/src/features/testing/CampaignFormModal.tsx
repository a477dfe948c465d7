/**
 * A new testing campaign: purpose, place for screening, dates, target count and pool size.
 * A target list (contacts of a cluster, say) is picked person by person instead of a count.
 * Test ids: campaign-form, campaign-name, campaign-purpose, campaign-place-type, campaign-place-name, campaign-target, campaign-target-add-member,
 * campaign-pool-size, campaign-save.
 */
import { CAMPAIGN_PURPOSES, PLACE_TYPES, POOLING_RULES, vnDate, type CampaignPurpose, type PlaceType } from '@pcd/core';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { useCurrentSession } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateCampaign } from './api';
import { PoolPicker } from './PoolPicker';

interface Values {
  name: string; purpose: CampaignPurpose; placeType?: PlaceType; placeName?: string; unitCode: string;
  fromDate: Dayjs; toDate?: Dayjs | null; targetCount?: number | null; targetPersonIds?: number[]; poolSize: number; note?: string;
}

export function CampaignFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const [form] = Form.useForm<Values>();
  const purpose = Form.useWatch('purpose', form);
  const unitCode = Form.useWatch('unitCode', form);
  const create = useCreateCampaign();
  const showError = useShowError();
  const c = (key: string) => t(`testing.campaign.${key}` as 'testing.campaign.name');

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const created = await create.mutateAsync({
        name: v.name, purpose: v.purpose, placeType: v.placeType ?? null, placeName: v.placeName?.trim() || null, unitCode: v.unitCode,
        fromDate: v.fromDate.format('YYYY-MM-DD'), toDate: v.toDate ? v.toDate.format('YYYY-MM-DD') : null, targetCount: v.targetCount ?? null,
        poolSize: v.poolSize, note: v.note?.trim() || null,
        ...(v.targetPersonIds?.length ? { targetPersonIds: v.targetPersonIds } : {}),
      });
      void message.success(c('created'));
      onClose();
      navigate(`/testing/${created.id}`);
    } catch (err) {
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={c('create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'campaign-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="campaign-form"
        initialValues={{ purpose: 'screening', unitCode: user.unitCode ?? undefined, fromDate: dayjs(vnDate()), poolSize: POOLING_RULES.defaultPoolSize }}
      >
        <Form.Item name="name" label={c('name')} rules={[{ required: true, whitespace: true, min: 3 }]}>
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="purpose" label={c('purpose')} rules={[{ required: true }]}>
              <Select data-testid="campaign-purpose" options={CAMPAIGN_PURPOSES.map((p) => ({ value: p, label: t(`testing.purposes.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitCode" label={c('unit')} rules={[{ required: true }]}>
              <UnitSelect valueLabel={user.unitName} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="placeType" label={c('placeType')} rules={[{ required: purpose === 'screening' }]}>
              <Select allowClear data-testid="campaign-place-type" options={PLACE_TYPES.map((p) => ({ value: p, label: t(`testing.places.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="placeName" label={c('placeName')}>
              <Input data-testid="campaign-place-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="fromDate" label={c('fromDate')} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="toDate" label={c('toDate')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="targetCount" label={c('targetCount')}>
              <InputNumber min={1} style={{ width: '100%' }} data-testid="campaign-target" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="poolSize" label={c('poolSize')} tooltip={c('poolSizeHelp')} rules={[{ required: true }]}>
              <InputNumber min={POOLING_RULES.minPoolSize} max={POOLING_RULES.maxPoolSize} style={{ width: '100%' }} data-testid="campaign-pool-size" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="targetPersonIds" label={c('targetList')} tooltip={c('targetListHelp')}>
          <PoolPicker unitCode={unitCode} max={500} placeholder={c('targetListAdd')} testIdPrefix="campaign-target" />
        </Form.Item>
        <Form.Item name="note" label={c('note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
