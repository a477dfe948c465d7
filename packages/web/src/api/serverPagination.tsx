import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { PAGE_SIZE_OPTIONS } from './paging';

interface Options {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
  /** data-testid of the "N items" text, for lists whose tests read the total. */
  totalTestId?: string;
}

/** The pagination every server-paged list shows: size choices and a Vietnamese total. */
export function serverPagination(t: TFunction, { page, pageSize, total, onChange, totalTestId }: Options): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (n) => (totalTestId ? <span data-testid={totalTestId}>{t('common.totalItems', { total: n })}</span> : t('common.totalItems', { total: n })),
    onChange,
  };
}
