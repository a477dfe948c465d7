import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';

/** A failed load shown in place of the content, with the server's own explanation. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = isApiError(error) && error.status === 403 ? '403' : isApiError(error) && error.status === 404 ? '404' : 'error';
  return (
    <Result
      status={status}
      title={t('errors.loadFailed')}
      subTitle={error instanceof Error ? error.message : t('errors.unknown')}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.reload')}</Button> : undefined}
    />
  );
}
