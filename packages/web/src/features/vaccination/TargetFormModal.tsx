/**
 * Sets a target for a district or a commune (group, measure, percent, deadline), or edits one (percent, deadline, note).
 * Test ids: target-form, target-unit, target-group, target-measure, target-percent, target-deadline, target-save.
 */
import { COVERAGE_MEASURES, vnDate, VACCINATION_GROUPS, type CoverageMeasure, type VaccinationGroup } from '@pcd/core';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { useCreateTarget, useUpdateTarget } from './api';
import type { VaccinationTarget } from './types';

interface Values {
  unitCode: string;
  group: VaccinationGroup;
  measure: CoverageMeasure;
  percent: number;
  deadline: Dayjs;
  note?: string;
}

export function TargetFormModal({ target, onClose }: { target?: VaccinationTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const showError = useShowError();
  const f = (k: string) => t(`vaccination.targets.form.${k}` as 'vaccination.targets.form.unit');

  const submit = async () => {
    const v = await form.validateFields();
    const deadline = v.deadline.format('YYYY-MM-DD');
    const note = v.note?.trim() || null;
    try {
      if (target) await update.mutateAsync({ id: target.id, version: target.version, percent: v.percent, deadline, note });
      else await create.mutateAsync({ unitCode: v.unitCode, group: v.group, measure: v.measure, percent: v.percent, deadline, note });
      void message.success(f('saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void message.warning(t('vaccination.targets.stale'));
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  return (
    <Modal
      open
      title={target ? f('editTitle') : f('createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'target-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        name="target"
        data-testid="target-form"
        initialValues={
          target
            ? { group: target.group, measure: target.measure, percent: target.percent, deadline: dayjs(target.deadline), note: target.note ?? undefined }
            : { group: '18+', measure: 'dose1', percent: 100 }
        }
      >
        {target ? (
          <Form.Item label={f('unit')}>
            <Input disabled value={target.unitName} />
          </Form.Item>
        ) : (
          <Form.Item name="unitCode" label={f('unit')} rules={[{ required: true, message: t('common.requiredSelect', { field: f('unit').toLowerCase() }) }]}>
            <UnitSelect data-testid="target-unit" />
          </Form.Item>
        )}
        <Form.Item name="group" label={f('group')} rules={[{ required: true }]}>
          <Select disabled={!!target} data-testid="target-group" options={VACCINATION_GROUPS.map((g) => ({ value: g, label: t(`vaccination.groups.${g}`) }))} />
        </Form.Item>
        <Form.Item name="measure" label={f('measure')} rules={[{ required: true }]}>
          <Select disabled={!!target} data-testid="target-measure" options={COVERAGE_MEASURES.map((m) => ({ value: m, label: t(`vaccination.measures.${m}`) }))} />
        </Form.Item>
        <Form.Item name="percent" label={f('percent')} rules={[{ required: true, message: t('common.required', { field: f('percent').toLowerCase() }) }]}>
          <InputNumber min={1} max={100} style={{ width: '100%' }} data-testid="target-percent" />
        </Form.Item>
        <Form.Item name="deadline" label={f('deadline')} rules={[{ required: true, message: t('common.requiredSelect', { field: f('deadline').toLowerCase() }) }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(x) => x.isBefore(dayjs(vnDate()), 'day')} data-testid="target-deadline" />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
