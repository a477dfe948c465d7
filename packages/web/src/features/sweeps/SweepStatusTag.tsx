import type { SweepStatus } from '@pcd/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './labels';

export function SweepStatusTag({ status }: { status: SweepStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="sweep-status" data-status={status}>
      {t(`sweeps.statuses.${status}`)}
    </Tag>
  );
}
