import { formatDate } from '@pcd/core';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VaccinationTarget } from './types';

/**
 * "Mục tiêu 100% trước 30/11/2021 — còn thiếu 1 234 người — chậm tiến độ", with the pace behind the verdict.
 * Test ids: target-line (data-target, data-gap, data-on-track).
 */
export function TargetLine({ target, showPace = true }: { target: VaccinationTarget; showPace?: boolean }) {
  const { t } = useTranslation();
  const p = target.progress;
  const n = (x: number) => x.toLocaleString('vi-VN');
  return (
    <div data-testid="target-line" data-target={target.id} data-gap={p.gapPeople} data-on-track={String(p.onTrack)}>
      <Space size={6} wrap>
        <Typography.Text>{t('vaccination.target.line', { percent: target.percent, deadline: formatDate(target.deadline) })}</Typography.Text>
        <Typography.Text type="secondary">—</Typography.Text>
        <Typography.Text strong>{p.gapPeople === 0 ? t('vaccination.target.met') : t('vaccination.target.gap', { gap: n(p.gapPeople) })}</Typography.Text>
        <Tag color={p.onTrack ? 'green' : 'red'} data-testid="target-status">
          {p.onTrack ? t('vaccination.target.onTrack') : t('vaccination.target.behind')}
        </Tag>
        {p.gapPeople > 0 && p.daysLeft === 0 && <Tag color="volcano">{t('vaccination.target.overdue')}</Tag>}
      </Space>
      {showPace && p.gapPeople > 0 && p.daysLeft > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('vaccination.target.pace', { recent: n(p.recentPerDay), needed: n(p.neededPerDay), days: p.daysLeft })}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
