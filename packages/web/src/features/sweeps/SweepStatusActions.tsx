import { CheckCircleOutlined, PlayCircleOutlined, RedoOutlined } from '@ant-design/icons';
import type { SweepStatus } from '@pcd/core';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateSweep } from './api';
import type { SweepDetail } from './types';
import { useSweepError } from './useSweepError';

type Move = { to: SweepStatus; key: 'start' | 'close' | 'reopen'; icon: React.ReactNode; primary?: boolean };

// The moves core allows from each status (a closed sweep reopens when a village was forgotten).
const MOVES: Record<SweepStatus, Move[]> = {
  planned: [
    { to: 'active', key: 'start', icon: <PlayCircleOutlined />, primary: true },
    { to: 'closed', key: 'close', icon: <CheckCircleOutlined /> },
  ],
  active: [{ to: 'closed', key: 'close', icon: <CheckCircleOutlined />, primary: true }],
  closed: [{ to: 'active', key: 'reopen', icon: <RedoOutlined /> }],
};

/** Start, close or reopen, sending the version on screen: a stale one is refused (409) and explained. */
export function SweepStatusActions({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateSweep(sweep.id);
  const onError = useSweepError();

  const move = async (m: Move) => {
    try {
      await update.mutateAsync({ version: sweep.version, status: m.to });
      void message.success(t(`sweeps.actions.${m.key}Done`));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <>
      {MOVES[sweep.status].map((m) => (
        <Popconfirm
          key={m.key}
          title={t(`sweeps.actions.${m.key}Confirm`, { remaining: sweep.progress.remaining })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => move(m)}
          okButtonProps={{ 'data-testid': `sweep-${m.key}-confirm` } as ButtonProps}
        >
          <Button type={m.primary ? 'primary' : 'default'} icon={m.icon} loading={update.isPending} data-testid={`sweep-${m.key}`}>
            {t(`sweeps.actions.${m.key}`)}
          </Button>
        </Popconfirm>
      ))}
    </>
  );
}
