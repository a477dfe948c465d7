/**
 * The "Tiêm chủng" card of a person: doses in order, with add, edit and delete of the last one for those who may write.
 * Test ids: person-doses, dose-add, dose-row (data-dose), dose-edit, dose-delete.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useDeleteDose, usePersonDoses } from './api';
import { DoseFormModal } from './DoseFormModal';
import type { Dose } from './types';

export function PersonDosesCard({ person, canWrite }: { person: { id: number; fullName: string }; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const doses = usePersonDoses(person.id);
  const remove = useDeleteDose();
  const showError = useShowError();
  const [editing, setEditing] = useState<Dose | 'new' | null>(null);
  const items = doses.data?.items ?? [];
  const last = items[items.length - 1];
  const c = (k: string) => t(`vaccination.doses.columns.${k}` as 'vaccination.doses.columns.dose');

  const del = async (d: Dose) => {
    try {
      await remove.mutateAsync({ id: d.id, version: d.version });
      void message.success(t('vaccination.doses.deleted', { n: d.dose }));
    } catch (err) {
      if (isApiError(err) && err.code === 'VERSION_CONFLICT') void message.warning(t('vaccination.doses.stale'));
      else showError(err);
    }
  };

  return (
    <Card
      title={t('vaccination.doses.title')}
      data-testid="person-doses"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="dose-add">
            {t('vaccination.doses.add')}
          </Button>
        )
      }
    >
      <Table<Dose>
        rowKey="id"
        size="small"
        loading={doses.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: doses.error ? (doses.error as Error).message : t('vaccination.doses.empty') }}
        onRow={(r) => ({ 'data-testid': 'dose-row', 'data-dose': r.dose }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: c('dose'), render: (_, r) => t('vaccination.doses.doseNo', { n: r.dose }) },
          { title: c('kind'), render: (_, r) => <Tag color={r.kind === 'primary' ? 'blue' : 'purple'}>{t(`vaccination.kinds.${r.kind}`)}</Tag> },
          { title: c('product'), dataIndex: 'productName' },
          { title: c('date'), render: (_, r) => formatDate(r.date) },
          { title: c('lot'), dataIndex: 'lot' },
          { title: c('site'), dataIndex: 'site' },
          { title: c('reaction'), dataIndex: 'adverseReaction' },
          { title: c('source'), render: (_, r) => t(`vaccination.doses.sources.${r.source}`) },
          ...(canWrite
            ? [{
                title: t('common.actions'),
                render: (_: unknown, r: Dose) => (
                  <Space>
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid="dose-edit" aria-label={t('common.edit')} />
                    {r.id === last?.id && (
                      <Popconfirm title={t('vaccination.doses.deleteConfirm', { n: r.dose })} onConfirm={() => del(r)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                        <Button size="small" danger icon={<DeleteOutlined />} data-testid="dose-delete" aria-label={t('vaccination.doses.delete')} />
                      </Popconfirm>
                    )}
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && (
        <DoseFormModal person={person} dose={editing === 'new' ? undefined : editing} nextNumber={(last?.dose ?? 0) + 1} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
