import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { useSession } from './session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, error, refetch } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  if (isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('auth.checking')} />
      </Flex>
    );
  }
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (!data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
