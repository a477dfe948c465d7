import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './errors';

/**
 * Shows a failed call the way officials expect: the server's Vietnamese message as a toast,
 * and, when the server names a field, the same message under that field of the form.
 * Field names are dotted paths ("population.byAge.0-11"), so forms name their fields to match.
 */
export function useShowError() {
  const { message } = App.useApp();
  const { t } = useTranslation();

  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      if (isApiError(err) && err.sessionEnded) return; // the session handler takes over
      const text = err instanceof Error && err.message ? err.message : t('errors.unknown');
      if (form && isApiError(err)) {
        const problems = err.details.length ? err.details : err.field ? [{ field: err.field, message: text }] : [];
        form.setFields(problems.map((p) => ({ name: p.field.split('.'), errors: [p.message] })));
      }
      void message.error(text);
    },
    [message, t],
  );
}
