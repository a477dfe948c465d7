import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';

/**
 * "arrivals.0.idNumber" → ['arrivals', 0, 'idNumber']: list fields are numbered, and antd tells 0 from "0".
 * `aliases` name the one control that answers for a server field ("symptoms.0" → the symptom checkboxes).
 */
export function namePathOf(field: string, aliases: Record<string, string> = {}): (string | number)[] {
  const [head, ...rest] = field.split('.');
  if (aliases[head]) return [aliases[head]];
  return [head, ...rest].map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A failed sweep write: a stale version (someone else started, closed or re-split the sweep meanwhile)
 * gets a plain explanation, since the lists have just been reloaded; other errors show the server's
 * message, under the field it names when there is a form.
 */
export function useSweepError() {
  const showError = useShowError();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, form?: FormInstance, aliases?: Record<string, string>) => {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') {
        void message.warning({ content: t('sweeps.conflict'), duration: 8 });
        return;
      }
      showError(err);
      if (form && isApiError(err)) {
        const problems = err.details.length ? err.details : err.field ? [{ field: err.field, message: err.message }] : [];
        form.setFields(problems.map((p) => ({ name: namePathOf(p.field, aliases), errors: [p.message] })));
      }
    },
    [showError, message, t],
  );
}
