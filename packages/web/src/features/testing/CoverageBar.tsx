import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from './types';

/** Reached share of the target, or the head count when the campaign set no target. */
export function CoverageBar({ coverage, testId }: { coverage: Coverage; testId?: string }) {
  const { t } = useTranslation();
  if (coverage.target === null || coverage.sharePct === null) {
    return <Typography.Text data-testid={testId}>{t('testing.campaign.testedOnly', { tested: coverage.tested })}</Typography.Text>;
  }
  return (
    <div data-testid={testId} data-pct={coverage.sharePct} style={{ minWidth: 160 }}>
      <Progress percent={coverage.sharePct} size="small" status={coverage.sharePct >= 100 ? 'success' : 'active'} showInfo={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('testing.campaign.coverageText', { tested: coverage.tested, target: coverage.target, pct: coverage.sharePct })}
      </Typography.Text>
    </div>
  );
}
