import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeasureFigure } from './types';

/**
 * One measure of one group: the bar, numerator/denominator and percent. The bar is capped at 100 %
 * where stale population figures make the share exceed it; the text keeps the true percent.
 * Test ids: coverage-bar (data-group, data-measure, data-numerator, data-denominator, data-percent).
 */
export function MeasureBar({ group, figure, denominator, targetPercent }: { group: string; figure: MeasureFigure; denominator: number; targetPercent?: number }) {
  const { t } = useTranslation();
  const pct = figure.percent;
  const reached = targetPercent !== undefined && pct !== null && pct >= targetPercent;
  return (
    <div
      data-testid="coverage-bar"
      data-group={group}
      data-measure={figure.measure}
      data-numerator={figure.numerator}
      data-denominator={denominator}
      data-percent={pct ?? ''}
    >
      <Typography.Text style={{ fontSize: 13 }}>{t(`vaccination.measures.${figure.measure}`)}</Typography.Text>
      <Progress
        percent={pct === null ? 0 : Math.min(100, pct)}
        format={() => (pct === null ? '—' : `${pct.toLocaleString('vi-VN')}%`)}
        status={reached ? 'success' : 'normal'}
        size="small"
        style={{ margin: 0 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {denominator > 0
          ? t('vaccination.coverage.figure', { numerator: figure.numerator.toLocaleString('vi-VN'), denominator: denominator.toLocaleString('vi-VN') })
          : t('vaccination.coverage.noDenominator')}
      </Typography.Text>
    </div>
  );
}
