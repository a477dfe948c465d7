import { Button, Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermission } from '../auth/session';

/**
 * Observers reach aggregate figures only. The server refuses them every personal record anyway;
 * this says why in plain words instead of showing a page of failed calls.
 */
export function PeopleAccess({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const allowed = usePermission('personal.read');
  if (allowed) return <>{children}</>;
  return (
    <Card data-testid="people-no-access">
      <Result
        status="403"
        title={t('people.observerTitle')}
        subTitle={t('people.observerText')}
        extra={
          <Link to="/units">
            <Button>{t('people.openUnits')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
