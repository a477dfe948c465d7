import { Button, Space, Table, Tag } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { contactName, contactSource, dateText } from './labels';
import type { Contact } from './types';

interface Props {
  contacts: Contact[];
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  /** Row actions for those who may write: add an F2 under an F1, promote to F0. */
  onAddF2?: (c: Contact) => void;
  onPromote?: (c: Contact) => void;
}

/** A hand-over is spelled out on each row: received from another commune, or sent to one. */
export function HandoverTag({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  if (!contact.handedOver) return null;
  return contact.access === 'full'
    ? <Tag color="purple" data-testid="handover-received">{t('contacts.receivedFrom', { unit: contact.recordedUnitName })}</Tag>
    : <Tag color="geekblue" data-testid="handover-sent">{t('contacts.sentTo', { unit: contact.unitName })}</Tag>;
}

export function ContactsTable({ contacts, loading, pagination = false, onAddF2, onPromote }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<Contact> = [
    { title: t('contacts.columns.level'), width: 64, render: (_, c) => <Tag color={c.level === 'F1' ? 'orange' : 'gold'}>{c.level}</Tag> },
    {
      title: t('contacts.columns.name'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/contacts/${c.id}`} data-testid="contact-name">{contactName(c)}</Link>
          <HandoverTag contact={c} />
        </Space>
      ),
    },
    { title: t('contacts.columns.unit'), dataIndex: 'unitName' },
    { title: t('contacts.columns.relation'), render: (_, c) => t(`contacts.relations.${c.relation}`) },
    { title: t('contacts.columns.source'), render: (_, c) => contactSource(t, c) },
    { title: t('contacts.columns.lastExposure'), render: (_, c) => dateText(c.lastExposureDate) },
    { title: t('contacts.columns.followUp'), render: (_, c) => (c.obligation ? `${t(`contacts.obligationKinds.${c.obligation.kind}`)} → ${dateText(c.obligation.endDate)}` : '') },
    {
      title: t('contacts.columns.status'),
      render: (_, c) => (c.promotedCaseId ? <Link to={`/cases/${c.promotedCaseId}`}>{t('contacts.detail.promotedTo', { id: c.promotedCaseId })}</Link> : t(`contacts.statuses.${c.status}`)),
    },
  ];
  if (onAddF2 || onPromote) {
    columns.push({
      title: t('common.actions'),
      render: (_, c) => c.status === 'monitoring' && c.access === 'full' && (
        <Space>
          {onAddF2 && c.level === 'F1' && <Button size="small" onClick={() => onAddF2(c)} data-testid="contact-add-f2">{t('contacts.addF2')}</Button>}
          {onPromote && <Button size="small" danger onClick={() => onPromote(c)} data-testid="contact-promote">{t('contacts.promote.button')}</Button>}
        </Space>
      ),
    });
  }
  return (
    <Table<Contact>
      rowKey="id"
      size="middle"
      data-testid="contacts-table"
      columns={columns}
      dataSource={contacts}
      loading={loading}
      pagination={pagination}
      onRow={(c) => ({ 'data-id': c.id, 'data-name': contactName(c) }) as React.HTMLAttributes<HTMLElement>}
      scroll={{ x: 900 }}
    />
  );
}
