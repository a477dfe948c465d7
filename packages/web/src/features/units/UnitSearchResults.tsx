import { Button, Empty, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { useUnitSearch } from './api';
import { unitFullName, unitPlace } from './names';

interface Props {
  query: string;
  selectedCode?: string;
  onSelect: (code: string) => void;
  onClear: () => void;
}

export function UnitSearchResults({ query, selectedCode, onSelect, onClear }: Props) {
  const { t } = useTranslation();
  const search = useUnitSearch(query);

  let body;
  if (search.isPending) body = <Spin style={{ display: 'block', margin: '40px auto' }} />;
  else if (search.error) body = <ErrorResult error={search.error} onRetry={() => void search.refetch()} />;
  else if (search.data.items.length === 0) body = <Empty description={t('units.noResults', { q: query.trim() })} />;
  else
    body = (
      <ul className="pcd-result-list" aria-label={t('units.searchResults')}>
        {search.data.items.map((unit) => (
          <li key={unit.code}>
            <button
              type="button"
              className={unit.code === selectedCode ? 'pcd-result selected' : 'pcd-result'}
              data-testid="unit-search-result"
              data-code={unit.code}
              aria-current={unit.code === selectedCode ? 'true' : undefined}
              onClick={() => onSelect(unit.code)}
            >
              <Typography.Text strong>{unitFullName(unit)}</Typography.Text>{' '}
              <Tag variant="filled">{unit.code}</Tag>
              {unitPlace(unit) && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {unitPlace(unit)}
                </Typography.Text>
              )}
            </button>
          </li>
        ))}
      </ul>
    );

  return (
    <div data-testid="unit-search-results" style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
      <Button type="link" size="small" onClick={onClear} style={{ paddingInline: 0 }}>
        ← {t('units.clearSearch')}
      </Button>
      {body}
      {search.data && search.data.total > search.data.items.length && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, padding: '8px 10px' }}>
          {t('units.moreResults', { shown: search.data.items.length, total: search.data.total })}
        </Typography.Text>
      )}
    </div>
  );
}
