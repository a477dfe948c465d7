import { App, Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssign, useMemberCandidates } from './api';
import type { SweepDetail } from './types';
import { useSweepError } from './useSweepError';

const TAKE_BACK = 'none';

/** Gives the ticked households to one member, or takes them back (nobody assigned). */
export function ReassignBar({ sweep, selected, onDone }: { sweep: SweepDetail; selected: number[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const candidates = useMemberCandidates(sweep.id);
  const assign = useAssign(sweep.id);
  const onError = useSweepError();
  const [target, setTarget] = useState<string>();

  const submit = async () => {
    if (!target) return;
    const memberId = target === TAKE_BACK ? null : Number(target);
    try {
      await assign.mutateAsync({ version: sweep.version, householdIds: selected, memberId });
      const name = candidates.data?.find((c) => c.id === memberId)?.fullName;
      void message.success(name ? t('sweeps.assign.reassignDone', { count: selected.length, name }) : t('sweeps.assign.takenBack', { count: selected.length }));
      onDone();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="sweep-reassign">
      <Typography.Text>{t('sweeps.assign.reassign', { count: selected.length })}</Typography.Text>
      <Select
        value={target}
        onChange={setTarget}
        placeholder={t('sweeps.assign.pickMember')}
        loading={candidates.isLoading}
        options={[
          ...(candidates.data ?? []).map((c) => ({ value: String(c.id), label: c.fullName })),
          { value: TAKE_BACK, label: t('sweeps.assign.takeBack') },
        ]}
        style={{ width: 240 }}
        data-testid="sweep-reassign-member"
      />
      <Button type="primary" disabled={!target || sweep.status === 'closed'} loading={assign.isPending} onClick={() => void submit()} data-testid="sweep-reassign-submit">
        {t('sweeps.assign.reassignSubmit')}
      </Button>
    </Flex>
  );
}
