import type { Permission } from '@pcd/core';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from './session';

/** The server enforces permissions anyway; this only spares the user a page of failed calls. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = usePermission(permission);
  const { t } = useTranslation();
  if (!allowed) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  }
  return <>{children}</>;
}
