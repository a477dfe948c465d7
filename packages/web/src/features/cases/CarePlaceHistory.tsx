import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { dateText } from './labels';
import type { CarePlaceEntry } from './types';

export function CarePlaceHistory({ entries }: { entries: CarePlaceEntry[] }) {
  const { t } = useTranslation();
  return (
    <Table<CarePlaceEntry>
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="care-history"
      dataSource={entries}
      columns={[
        { title: t('cases.fields.carePlace'), render: (_, e) => `${t(`cases.carePlaces.${e.place}`)}${e.facilityName ? `: ${e.facilityName}` : ''}` },
        { title: t('cases.fields.severity'), render: (_, e) => t(`cases.severities.${e.severity}`) },
        { title: t('cases.detail.from'), render: (_, e) => dateText(e.fromDate) },
        { title: t('cases.detail.to'), render: (_, e) => dateText(e.toDate) },
        { title: t('cases.detail.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
