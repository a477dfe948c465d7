import { CHECKPOINT_KINDS } from '@pcd/core';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateCheckpoint, useUpdateCheckpoint } from './api';
import type { Checkpoint, CheckpointInput } from './types';

interface Props {
  /** null: a new point. */
  checkpoint: Checkpoint | null;
  onClose: () => void;
  onSaved?: (c: Checkpoint) => void;
}

type FormValues = Omit<CheckpointInput, 'location' | 'staffOnDuty'> & { location?: string; staffOnDuty?: string };

const blankToNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

export function CheckpointFormModal({ checkpoint, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCheckpoint();
  const update = useUpdateCheckpoint();

  const onFinish = async (v: FormValues) => {
    const input: CheckpointInput = {
      name: v.name.trim(), kind: v.kind, unitCode: v.unitCode, location: blankToNull(v.location), lat: v.lat ?? null, lng: v.lng ?? null,
      staffOnDuty: blankToNull(v.staffOnDuty),
    };
    try {
      const saved = checkpoint ? await update.mutateAsync({ id: checkpoint.id, version: checkpoint.version, ...input }) : await create.mutateAsync(input);
      void message.success(t(checkpoint ? 'checkpoints.updated' : 'checkpoints.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        modal.warning({ title: t('checkpoints.conflictTitle'), content: t('checkpoints.conflict') });
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
      width={640}
      title={checkpoint ? t('checkpoints.editTitle', { name: checkpoint.name }) : t('checkpoints.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'checkpoint-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<FormValues>
        form={form}
        name="checkpoint"
        layout="vertical"
        data-testid="checkpoint-form"
        initialValues={
          checkpoint
            ? { ...checkpoint, location: checkpoint.location ?? undefined, staffOnDuty: checkpoint.staffOnDuty ?? undefined }
            : { kind: 'declaration_point' }
        }
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="name" label={t('checkpoints.fields.name')} rules={[{ required: true, whitespace: true, min: 2, message: t('checkpoints.nameRequired') }]}>
          <Input maxLength={200} placeholder={t('checkpoints.namePlaceholder')} data-testid="checkpoint-name-input" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="kind" label={t('checkpoints.fields.kind')} rules={[{ required: true }]}>
              <Select data-testid="checkpoint-kind" options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`checkpoints.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="unitCode" label={t('checkpoints.fields.unit')} rules={[{ required: true, message: t('checkpoints.unitRequired') }]}>
              <UnitSelect placeholder={t('checkpoints.unitPlaceholder')} valueLabel={checkpoint?.unitName} data-testid="checkpoint-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="location" label={t('checkpoints.fields.location')}>
          <Input maxLength={300} placeholder={t('checkpoints.locationPlaceholder')} data-testid="checkpoint-location" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="lat" label={t('checkpoints.fields.lat')}>
              <InputNumber<number> min={-90} max={90} step={0.0001} style={{ width: '100%' }} data-testid="checkpoint-lat" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lng" label={t('checkpoints.fields.lng')}>
              <InputNumber<number> min={-180} max={180} step={0.0001} style={{ width: '100%' }} data-testid="checkpoint-lng" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="staffOnDuty" label={t('checkpoints.fields.staffOnDuty')} extra={t('checkpoints.staffHint')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="checkpoint-staff" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
