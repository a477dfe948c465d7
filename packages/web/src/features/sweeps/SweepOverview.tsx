import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { periodText } from './labels';
import type { SweepDetail } from './types';

/** Where and when, and the one figure a command post asks first: how many households are done. */
export function SweepOverview({ sweep }: { sweep: SweepDetail }) {
  const { t } = useTranslation();
  const p = sweep.progress;
  return (
    <Card style={{ marginBottom: 16 }} data-testid="sweep-overview">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} md={10}>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t('sweeps.fields.unitCode')}: </Typography.Text>
            <span data-testid="sweep-commune">{sweep.unitName}</span>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t('sweeps.fields.period')}: </Typography.Text>
            <span data-testid="sweep-period">{periodText(sweep)}</span>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t('sweeps.fields.villageCodes')}: </Typography.Text>
            {sweep.villages.map((v) => v.unitName).join(', ') || sweep.villageCodes.join(', ')}
          </Typography.Paragraph>
          {sweep.note && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {sweep.note}
            </Typography.Paragraph>
          )}
        </Col>
        <Col xs={24} md={14}>
          <Row gutter={16}>
            <Col xs={12} sm={6}>
              <Statistic title={t('sweeps.progress.visited')} value={p.visited} suffix={`/ ${p.total}`} data-testid="sweep-visited" />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('sweeps.progress.attemptedShort')} value={p.attempted} data-testid="sweep-attempted" />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('sweeps.progress.remaining')} value={p.remaining} data-testid="sweep-remaining" />
            </Col>
            <Col xs={12} sm={6}>
              <Progress type="circle" percent={p.percent} size={72} data-testid="sweep-percent" />
            </Col>
          </Row>
        </Col>
      </Row>
    </Card>
  );
}
