import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';

/** The share tested against the target (100 %): green once reached, orange below. */
export function ShareBar({ sharePct, targetPct, meetsTarget }: { sharePct: number; targetPct: number; meetsTarget: boolean }) {
  const { t } = useTranslation();
  return (
    <span data-testid="round-share" data-share={sharePct} title={t('lockdown.rounds.target', { pct: targetPct })}>
      <Progress
        percent={Math.min(100, (sharePct / targetPct) * 100)}
        format={() => `${sharePct.toLocaleString('vi-VN')}%`}
        status={meetsTarget ? 'success' : 'normal'}
        strokeColor={meetsTarget ? undefined : '#fa8c16'}
        size="small"
        style={{ minWidth: 160, margin: 0 }}
      />
    </span>
  );
}
