/** F0 home care under /care: the alert board first, then the check-in form, missed checks and care teams. */
import { Col, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { AlertBoard } from './AlertBoard';
import { CheckinCard } from './CheckinCard';
import { OverdueList } from './OverdueList';
import { TeamsCard } from './TeamsCard';

export default function CareRoutes() {
  const { t } = useTranslation();
  return (
    <div data-testid="care-page">
      <PageHeader title={t('care.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <AlertBoard />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <CheckinCard />
          </Col>
          <Col xs={24} xl={12}>
            <OverdueList />
          </Col>
        </Row>
        <TeamsCard />
      </Space>
    </div>
  );
}
