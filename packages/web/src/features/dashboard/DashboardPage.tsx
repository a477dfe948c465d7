/**
 * Overview. Until the figures exist it says what will be here, and nothing else.
 * Test ids: dashboard.
 */
import { ApartmentOutlined, DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission, useCurrentSession } from '../auth/session';

export default function DashboardPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canSeeUnits = usePermission('units.read');

  return (
    <div data-testid="dashboard">
      <PageHeader title={t('dashboard.welcome', { name: user.fullName })} />
      <Card>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'role', label: t('users.role'), children: t(`roles.${user.role}`) },
            { key: 'scope', label: t('dashboard.scope'), children: user.unitName ?? t('users.national') },
          ]}
        />
        <Result
          icon={<DashboardOutlined style={{ color: '#0b5cad' }} />}
          title={t('dashboard.title')}
          subTitle={t('dashboard.description')}
          extra={
            canSeeUnits ? (
              <Link to="/units">
                <Button type="primary" icon={<ApartmentOutlined />}>
                  {t('dashboard.openUnits')}
                </Button>
              </Link>
            ) : undefined
          }
        />
      </Card>
    </div>
  );
}
