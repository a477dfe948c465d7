import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useObligationAction } from './api';
import type { Obligation, ObligationAction } from './types';

/**
 * Runs one action on a follow-up with the version on screen. A 409 means someone else acted first:
 * the list reloads and the official is told to look again, rather than seeing a bare error.
 */
export function useObligationCommands() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const mutation = useObligationAction();
  const [busyId, setBusyId] = useState<number | null>(null);

  const run = async (o: Obligation, action: ObligationAction): Promise<boolean> => {
    setBusyId(o.id);
    try {
      await mutation.mutateAsync({ id: o.id, version: o.version, action });
      void message.success(t(`arrivals.work.done.${action.action}`, { name: o.fullName }));
      return true;
    } catch (err) {
      if (isApiError(err) && err.isConflict) {
        modal.warning({ title: t('arrivals.work.conflictTitle'), content: t('arrivals.work.conflict', { name: o.fullName }) });
        return true;
      }
      showError(err);
      return false;
    } finally {
      setBusyId(null);
    }
  };

  return { run, busyId, saving: mutation.isPending };
}
