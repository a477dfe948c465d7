import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useCancelEpisode, useReleaseEpisode } from './api';
import type { Episode } from './types';

/** Complete or cancel an episode; a stale version says so (the list has already been refetched). */
export function useEpisodeCommands() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const release = useReleaseEpisode();
  const cancel = useCancelEpisode();

  const fail = (err: unknown) => {
    if (isApiError(err) && err.code === 'VERSION_CONFLICT') void message.warning(t('quarantine.list.stale'));
    else showError(err);
  };

  return {
    saving: release.isPending || cancel.isPending,
    release: async (e: Episode) => {
      try {
        await release.mutateAsync({ id: e.id, version: e.version });
        void message.success(t('quarantine.list.released', { name: e.fullName }));
      } catch (err) {
        fail(err);
      }
    },
    cancel: async (e: Episode, note: string) => {
      try {
        await cancel.mutateAsync({ id: e.id, version: e.version, note });
        void message.success(t('quarantine.list.cancelled', { name: e.fullName }));
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    },
  };
}
