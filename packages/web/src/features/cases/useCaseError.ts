import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';

/**
 * Errors of a write on a case or contact: a stale version reloads the record and says so (the form
 * stays open with what was typed); anything else goes under its field as everywhere else.
 */
export function useCaseError(reload: () => unknown) {
  const showError = useShowError();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void reload();
        void message.warning(t('cases.detail.stale'));
        return;
      }
      showError(err, form);
    },
    [showError, message, t, reload],
  );
}
