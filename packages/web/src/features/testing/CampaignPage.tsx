/**
 * One campaign: its target coverage, the sample form and the samples with their results.
 * Test ids: campaign-page, campaign-title, campaign-page-coverage, campaign-close.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { useCampaign, useSamples, useUpdateCampaign } from './api';
import { STATUS_COLORS } from './CampaignsPage';
import { CoverageBar } from './CoverageBar';
import { SampleForm } from './SampleForm';
import { SamplesTable } from './SamplesTable';

export function CampaignPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const campaign = useCampaign(id);
  const samples = useSamples(id);
  const update = useUpdateCampaign();
  const showError = useShowError();
  const canWrite = usePermission('personal.write');
  const canManage = usePermission('testing.manage');
  const c = (key: string) => t(`testing.campaign.${key}` as 'testing.campaign.name');

  if (campaign.error) return <ErrorResult error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const k = campaign.data;

  const close = async () => {
    if (!k) return;
    try {
      await update.mutateAsync({ id: k.id, version: k.version, status: 'closed' });
      void message.success(c('closed'));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div data-testid="campaign-page">
      <PageHeader
        title={<span data-testid="campaign-title">{k?.name ?? t('common.loading')}</span>}
        extra={
          <>
            <Link to="/testing"><Button icon={<ArrowLeftOutlined />}>{c('back')}</Button></Link>
            {k && canManage && k.status !== 'closed' && <Button onClick={() => void close()} loading={update.isPending} data-testid="campaign-close">{c('close')}</Button>}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {k && (
          <Card>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={c('purpose')}>
                {[t(`testing.purposes.${k.purpose}`), k.placeType ? t(`testing.places.${k.placeType}`) : null, k.placeName].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={c('unit')}>{k.unitName}</Descriptions.Item>
              <Descriptions.Item label={c('dates')}>{`${formatDate(k.fromDate)}${k.toDate ? ` – ${formatDate(k.toDate)}` : ''}`}</Descriptions.Item>
              <Descriptions.Item label={c('status')}><Tag color={STATUS_COLORS[k.status]}>{t(`testing.statuses.${k.status}`)}</Tag></Descriptions.Item>
              <Descriptions.Item label={c('poolSize')}>{k.poolSize}</Descriptions.Item>
              <Descriptions.Item label={c('samples')}>{k.samples} · {c('positives')}: {k.positives}</Descriptions.Item>
              <Descriptions.Item label={c('coverage')} span={3}><CoverageBar coverage={k.coverage} testId="campaign-page-coverage" /></Descriptions.Item>
            </Descriptions>
          </Card>
        )}
        {k && canWrite && k.status !== 'closed' && <SampleForm campaign={k} />}
        <SamplesTable samples={samples.data?.items ?? []} loading={samples.isLoading} />
      </Space>
    </div>
  );
}
