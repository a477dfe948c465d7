/**
 * One facility: areas, the last fortnight's occupancy, who is there, and placing someone.
 * Test ids: facility-detail, facility-title, facility-overload, facility-warning, facility-area-row (data-kind),
 * occupancy-table, episode-row (data-id), episode-place, meal-roster.
 */
import { ArrowLeftOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { AREA_KIND_LABELS, FACILITY_STATUS_LABELS, QUARANTINE_REASON_LABELS, formatDate } from '@pcd/core';
import { Alert, Button, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { quarantineLinks, useFacility, useFacilityEpisodes } from './api';
import { LoadTag } from './LoadTag';
import { OccupancyTable } from './OccupancyTable';
import { PlaceEpisodeModal } from './PlaceEpisodeModal';
import type { Episode, FacilityArea } from './types';

export function FacilityDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const facility = useFacility(id);
  const episodes = useFacilityEpisodes(id);
  const [placing, setPlacing] = useState(false);
  const f = (key: string) => t(`quarantine.facilities.${key}` as 'quarantine.facilities.name');
  const e = (key: string) => t(`quarantine.episodes.${key}` as 'quarantine.episodes.person');
  const a = (key: string) => t(`quarantine.areas.${key}` as 'quarantine.areas.name');

  if (facility.error) return <ErrorResult error={facility.error} onRetry={() => void facility.refetch()} />;
  const x = facility.data;
  if (!x) return <Card loading />;

  return (
    <div data-testid="facility-detail">
      <PageHeader
        title={<span data-testid="facility-title">{x.name}</span>}
        extra={
          <>
            <Link to="/quarantine">
              <Button icon={<ArrowLeftOutlined />}>{t('quarantine.back')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} href={quarantineLinks.mealRoster(x.id)} data-testid="meal-roster">
              {t('quarantine.mealRoster')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlacing(true)} data-testid="episode-place">
              {e('place')}
            </Button>
          </>
        }
      />
      {x.warning && <Alert type="error" showIcon title={x.warning} style={{ marginBottom: 16 }} data-testid="facility-warning" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={f('unit')}>{x.unitName}</Descriptions.Item>
              <Descriptions.Item label={f('address')}>{x.address ?? t('common.empty')}</Descriptions.Item>
              <Descriptions.Item label={f('operator')}>{x.operator ?? t('common.empty')}</Descriptions.Item>
              <Descriptions.Item label={f('status')}>{FACILITY_STATUS_LABELS[x.status]}</Descriptions.Item>
              <Descriptions.Item label={f('occupied')}>
                {x.occupied}/{x.beds} <LoadTag facility={x} />
              </Descriptions.Item>
              <Descriptions.Item label={f('overloadPct')}>{x.overloadPct}%</Descriptions.Item>
            </Descriptions>
            <Table<FacilityArea>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={x.areas}
              onRow={(r) => ({ 'data-testid': 'facility-area-row', 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: a('kind'), render: (_, r) => <Tag>{AREA_KIND_LABELS[r.kind]}</Tag> },
                { title: a('name'), dataIndex: 'name' },
                { title: a('beds'), dataIndex: 'beds', align: 'right' },
                { title: a('occupied'), dataIndex: 'occupied', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <OccupancyTable facilityId={x.id} />
        </Col>
      </Row>
      <Card title={e('title')} style={{ marginTop: 16 }}>
        <Table<Episode>
          rowKey="id"
          size="small"
          loading={episodes.isLoading}
          dataSource={episodes.data?.items ?? []}
          locale={{ emptyText: e('empty') }}
          onRow={(r) => ({ 'data-testid': 'episode-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('care.fullName'), render: (_, r) => <Link to={`/people/${r.personId}`}>{r.fullName}</Link> },
            { title: e('area'), render: (_, r) => r.areaName ?? t('common.empty') },
            { title: e('reason'), render: (_, r) => QUARANTINE_REASON_LABELS[r.reason] },
            { title: e('startDate'), render: (_, r) => formatDate(r.startDate) },
            { title: e('plannedEnd'), render: (_, r) => formatDate(r.plannedEnd) },
            { title: e('testDates'), render: (_, r) => r.testDates.map(formatDate).join(', ') },
          ]}
        />
      </Card>
      {placing && <PlaceEpisodeModal facility={x} onClose={() => setPlacing(false)} />}
    </div>
  );
}
