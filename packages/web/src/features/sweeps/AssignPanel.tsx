import { ApartmentOutlined } from '@ant-design/icons';
import { isRole } from '@pcd/core';
import { Alert, App, Button, Checkbox, Flex, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { useAssign, useMemberCandidates } from './api';
import { MemberProgressTable } from './ProgressTables';
import type { MemberCandidate, SweepDetail } from './types';
import { useSweepError } from './useSweepError';

/** Team members who already cover one of the sweep's villages are the obvious people to send. */
function likelyMembers(candidates: MemberCandidate[], sweep: SweepDetail): number[] {
  return candidates.filter((c) => c.role === 'team' && c.assignedUnitCodes.some((code) => sweep.villageCodes.includes(code))).map((c) => c.id);
}

/**
 * The automatic split: the households still to visit are shared evenly among the members ticked,
 * whole villages kept together where the counts allow (core's splitHouseholds, run by the server).
 */
export function AssignPanel({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const candidates = useMemberCandidates(sweep.id);
  const assign = useAssign(sweep.id);
  const onError = useSweepError();
  const [picked, setPicked] = useState<number[] | null>(null);
  useEffect(() => {
    if (candidates.data && picked === null) setPicked(likelyMembers(candidates.data, sweep));
  }, [candidates.data, picked, sweep]);

  const villageName = (code: string) => sweep.villages.find((v) => v.unitCode === code)?.unitName ?? code;
  const split = async () => {
    try {
      const after = await assign.mutateAsync({ version: sweep.version, memberIds: picked ?? [] });
      const given = after.members.filter((m) => m.userId !== null && picked?.includes(m.userId)).reduce((n, m) => n + m.remaining, 0);
      void message.success(t('sweeps.assign.splitDone', { households: given, members: picked?.length ?? 0 }));
    } catch (err) {
      onError(err);
    }
  };

  if (candidates.error) return <ErrorResult error={candidates.error} onRetry={() => void candidates.refetch()} />;
  return (
    <Flex vertical gap={16} data-testid="sweep-assign">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('sweeps.assign.hint')}
      </Typography.Paragraph>
      {sweep.status === 'closed' && <Alert type="warning" showIcon title={t('sweeps.assign.closed')} />}
      {candidates.isLoading ? (
        <Spin />
      ) : !candidates.data?.length ? (
        <Alert type="info" showIcon title={t('sweeps.assign.noCandidates')} />
      ) : (
        <Checkbox.Group value={picked ?? []} onChange={(ids) => setPicked(ids as number[])} style={{ display: 'block' }} data-testid="sweep-assign-members">
          <Flex vertical gap={8}>
            {candidates.data.map((c) => (
              <Checkbox key={c.id} value={c.id} data-testid="sweep-assign-member" data-id={c.id}>
                <span data-testid="sweep-assign-member-name">{c.fullName}</span>{' '}
                <Typography.Text type="secondary">
                  · {isRole(c.role) ? t(`roles.${c.role}`) : c.role}
                  {c.assignedUnitCodes.length > 0 && (
                    <>
                      {' · '}
                      <ApartmentOutlined /> {c.assignedUnitCodes.map(villageName).join(', ')}
                    </>
                  )}
                </Typography.Text>
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      )}
      <div>
        <Button
          type="primary"
          onClick={() => void split()}
          loading={assign.isPending}
          disabled={!picked?.length || sweep.status === 'closed'}
          data-testid="sweep-assign-split"
        >
          {t('sweeps.assign.split', { count: picked?.length ?? 0 })}
        </Button>
      </div>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('sweeps.detail.byMember')}
      </Typography.Title>
      <MemberProgressTable members={sweep.members} />
    </Flex>
  );
}
