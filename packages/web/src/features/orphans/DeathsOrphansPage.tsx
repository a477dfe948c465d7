/** Deaths and orphaned children, a tab of the case screens: figures for everyone, records for those who may see people. */
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { CasesTabs } from '../cases/CasesTabs';
import { DeathsCard } from './DeathsCard';
import { DeathsStatsCard } from './DeathsStatsCard';
import { OrphansCard } from './OrphansCard';

export function DeathsOrphansPage() {
  const { t } = useTranslation();
  const personal = usePermission('personal.read');
  return (
    <div data-testid="deaths-orphans-page">
      <PageHeader title={t('orphans.title')} />
      <CasesTabs />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <DeathsStatsCard />
        {personal && <DeathsCard />}
        {personal && <OrphansCard />}
      </Space>
    </div>
  );
}
