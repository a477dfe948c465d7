import { formatDate, vnDate } from '@pcd/core';
import { App, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useUpdateZone } from './api';
import type { Zone } from './types';

/** Ends a zone on a day: arrivals after it no longer open follow-ups, those before it still do. */
export function EndZoneModal({ zone, onClose }: { zone: Zone | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ toDate: Dayjs }>();
  const update = useUpdateZone();
  if (!zone) return null;

  const onFinish = async ({ toDate }: { toDate: Dayjs }) => {
    try {
      await update.mutateAsync({ id: zone.id, version: zone.version, toDate: toDate.format('YYYY-MM-DD') });
      void message.success(t('arrivals.zones.endedOk', { name: zone.unitName, date: toDate.format('DD/MM/YYYY') }));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        modal.warning({ title: t('arrivals.zones.conflictTitle'), content: t('arrivals.zones.conflict') });
        onClose();
        return;
      }
      showError(err, form);
    }
  };

  const today = vnDate();
  return (
    <Modal
      open
      destroyOnHidden
      title={t('arrivals.zones.endTitle', { name: zone.unitName })}
      okText={t('arrivals.zones.end')}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'zone-end-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p>{t('arrivals.zones.endIntro', { from: formatDate(zone.fromDate) })}</p>
      <Form form={form} layout="vertical" name="endZone" initialValues={{ toDate: dayjs(zone.fromDate > today ? zone.fromDate : today) }} onFinish={(v) => void onFinish(v)}>
        <Form.Item name="toDate" label={t('arrivals.zones.toDate')} rules={[{ required: true, message: t('arrivals.zones.toDateRequired') }]}>
          <DatePicker
            format="DD/MM/YYYY"
            allowClear={false}
            data-testid="zone-end-date"
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') < zone.fromDate}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
