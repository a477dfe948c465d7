import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Progress as Counts } from './types';

/** visited/total as a bar, with the "nobody home" households that still need a second visit. */
export function SweepProgress({ progress, testId }: { progress: Counts; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} data-testid={testId} data-visited={progress.visited} data-total={progress.total} data-attempted={progress.attempted}>
      <Progress
        percent={progress.percent}
        size="small"
        status={progress.total > 0 && progress.remaining === 0 ? 'success' : 'normal'}
        format={() => `${progress.visited}/${progress.total}`}
        aria-label={t('sweeps.progress.label', { visited: progress.visited, total: progress.total })}
        style={{ marginBottom: 0, minWidth: 140 }}
      />
      {progress.attempted > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('sweeps.progress.attempted', { count: progress.attempted })}
        </Typography.Text>
      )}
    </Flex>
  );
}
