/**
 * One sweep: progress per village and per member, then — depending on what the caller may do —
 * the households (staff: all, filterable and re-assignable; team member: their own), the split,
 * visits and the police cross-check. Observers see the counts only.
 * Test ids: sweep-detail, sweep-title, sweep-tab-<key>, sweep-start|close|reopen (+ -confirm), sweep-overview,
 * sweep-visited, sweep-villages / sweep-village-row, sweep-members / sweep-member-row (data-id = user id or "none").
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Tabs, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useSweep } from './api';
import { AssignPanel } from './AssignPanel';
import { CrossCheckTab } from './CrossCheckTab';
import { HouseholdsTab } from './HouseholdsTab';
import { MemberProgressTable, VillageProgressTable } from './ProgressTables';
import { SweepOverview } from './SweepOverview';
import { SweepStatusActions } from './SweepStatusActions';
import { SweepStatusTag } from './SweepStatusTag';
import type { SweepDetail } from './types';
import { VisitsTab } from './VisitsTab';

function ProgressTab({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('sweeps.detail.byVillage')}
      </Typography.Title>
      <VillageProgressTable villages={sweep.villages} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {sweep.access === 'member' ? t('sweeps.detail.mine') : t('sweeps.detail.byMember')}
      </Typography.Title>
      <MemberProgressTable members={sweep.members} />
    </Flex>
  );
}

function tabsFor(sweep: SweepDetail, t: TFunction) {
  const progress = { key: 'progress', label: t('sweeps.tabs.progress'), children: <ProgressTab sweep={sweep} /> };
  if (sweep.access === 'counts') return [progress];
  const households = { key: 'households', label: t(sweep.access === 'member' ? 'sweeps.tabs.mine' : 'sweeps.tabs.households'), children: <HouseholdsTab sweep={sweep} /> };
  const visits = { key: 'visits', label: t('sweeps.tabs.visits'), children: <VisitsTab sweep={sweep} /> };
  if (sweep.access === 'member') return [households, progress, visits];
  return [
    progress,
    { key: 'assign', label: t('sweeps.tabs.assign'), children: <AssignPanel sweep={sweep} /> },
    households,
    visits,
    { key: 'cross-check', label: t('sweeps.tabs.crossCheck'), children: <CrossCheckTab sweep={sweep} /> },
  ];
}

export function SweepDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const sweep = useSweep(id);
  const [params, setParams] = useSearchParams();

  if (sweep.error && !sweep.data) return <ErrorResult error={sweep.error} onRetry={() => void sweep.refetch()} />;
  if (!sweep.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const s = sweep.data;
  const items = tabsFor(s, t);
  const active = items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : items[0].key;

  return (
    <div data-testid="sweep-detail" data-access={s.access}>
      <Link to="/sweeps">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('sweeps.detail.back')}
        </Button>
      </Link>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="sweep-title">{s.name}</span>
            <SweepStatusTag status={s.status} />
          </Flex>
        }
        extra={s.access === 'manage' ? <SweepStatusActions sweep={s} /> : undefined}
      />
      {s.access === 'counts' && <Alert type="info" showIcon title={t('sweeps.countsOnly')} style={{ marginBottom: 16 }} data-testid="sweep-counts-only" />}
      <SweepOverview sweep={s} />
      <Card>
        <Tabs
          activeKey={active}
          destroyOnHidden
          onChange={(key) =>
            setParams(
              (prev) => {
                // Each tab has its own list: filters and page of another tab do not carry over.
                const next = new URLSearchParams();
                next.set('tab', key);
                if (key === prev.get('tab')) return prev;
                return next;
              },
              { replace: true },
            )
          }
          items={items.map((i) => ({ ...i, label: <span data-testid={`sweep-tab-${i.key}`}>{i.label}</span> }))}
        />
      </Card>
    </div>
  );
}
