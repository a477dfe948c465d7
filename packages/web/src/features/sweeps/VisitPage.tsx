/**
 * Recording a visit, the screen a team member opens at a door. Test ids: visit-page, visit-form, visit-household,
 * visit-outcome, visit-person (data-id), visit-add-arrival, visit-arrival, visit-arrival-name|birth-year|dob|id|phone|date,
 * visit-arrival-origin-province|district|commune, visit-symptoms, visit-follow-up, visit-note, visit-submit.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { useSweep, useSweepHouseholds } from './api';
import { householdText } from './labels';
import { VisitForm } from './VisitForm';

// A member walks a village at a time; a hundred households covers any one person's share.
const PICKER_SIZE = 100;

export function VisitPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const householdId = Number(params.get('household')) || undefined;
  const sweep = useSweep(id);
  const canVisit = sweep.data && sweep.data.access !== 'counts';
  const todo = useSweepHouseholds(id, { status: 'unvisited', page: 1, pageSize: PICKER_SIZE }, !!canVisit);
  const back = `/sweeps/${id}?tab=households`;

  if (sweep.error && !sweep.data) return <ErrorResult error={sweep.error} onRetry={() => void sweep.refetch()} />;
  if (!sweep.data || (canVisit && !todo.data && !todo.error)) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (!canVisit) return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('sweeps.countsOnly')} />;
  const s = sweep.data;

  return (
    <div data-testid="visit-page" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Link to={back}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {s.name}
        </Button>
      </Link>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('sweeps.visit.title')}
      </Typography.Title>
      {s.status !== 'active' && <Alert type="warning" showIcon title={t(`sweeps.households.notActive.${s.status}`)} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: 16 } }}>
        <VisitForm
          // A new household is a new form: nothing typed for the previous house carries over.
          key={householdId ?? 0}
          sweep={s}
          households={todo.data?.items ?? []}
          householdId={householdId}
          onHousehold={(h) => setParams(h ? { household: String(h) } : {}, { replace: true })}
          onSaved={(visit) => {
            const h = todo.data?.items.find((x) => x.householdId === visit.householdId);
            void message.success(t('sweeps.visit.saved', { household: h ? householdText(t, h) : visit.householdId }));
            navigate(back);
          }}
        />
      </Card>
    </div>
  );
}
