import { DownloadOutlined } from '@ant-design/icons';
import { addDays, formatDateTime, vnDate } from '@pcd/core';
import { Button, DatePicker, Flex, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { checkpointLinks, usePassages } from './api';
import type { Passage } from './types';

/** The log of one day (today by default); reading it is audited on the server, as it shows plates. */
export function PassagesLog({ checkpointId }: { checkpointId: number }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(vnDate());
  const log = usePassages(checkpointId, date, true);
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          format="DD/MM/YYYY"
          allowClear={false}
          value={dayjs(date)}
          onChange={(d: Dayjs | null) => d && setDate(d.format('YYYY-MM-DD'))}
          disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > vnDate()}
          data-testid="passages-date"
        />
        <Button icon={<DownloadOutlined />} href={checkpointLinks.passages(checkpointId, addDays(date, -6), date)} data-testid="passages-export">
          {t('checkpoints.passages.export')}
        </Button>
      </Flex>
      {log.error && !log.data ? (
        <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <Table<Passage>
          data-testid="passages-table"
          rowKey="id"
          size="small"
          loading={log.isFetching}
          dataSource={log.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('checkpoints.passages.empty') }}
          onRow={() => ({ 'data-testid': 'passage-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('checkpoints.passages.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('checkpoints.passages.direction'),
              dataIndex: 'direction',
              width: 90,
              render: (d: Passage['direction']) => (
                <Tag color={d === 'in' ? 'blue' : 'purple'} data-testid="passage-row-direction">
                  {t(`checkpoints.passages.${d}`)}
                </Tag>
              ),
            },
            { title: t('checkpoints.passages.plate'), dataIndex: 'vehiclePlate', width: 130, render: (v: string | null) => <span data-testid="passage-row-plate">{v ?? t('common.empty')}</span> },
            { title: t('checkpoints.passages.people'), dataIndex: 'personCount', width: 90, className: 'pcd-num' },
            { title: t('checkpoints.passages.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ]}
        />
      )}
    </>
  );
}
