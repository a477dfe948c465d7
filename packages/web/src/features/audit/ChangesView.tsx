import { Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

interface Row {
  field: string;
  pair: boolean;
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The server writes a change as `field: [before, after]`; other entries (the file an import came from,
 * a refusal reason) are plain facts. An older `{before, after}` shape is read too.
 */
function toRows(changes: Record<string, unknown>): Row[] {
  if (isObject(changes.before) || isObject(changes.after)) {
    const before = (changes.before ?? {}) as Record<string, unknown>;
    const after = (changes.after ?? {}) as Record<string, unknown>;
    const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)]));
    return fields.map((field) => ({ field, pair: true, before: before[field], after: after[field] }));
  }
  return Object.entries(changes).map(([field, v]) =>
    Array.isArray(v) && v.length === 2 ? { field, pair: true, before: v[0], after: v[1] } : { field, pair: false, after: v },
  );
}

function text(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (field === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
  if (Array.isArray(value)) return value.length ? value.map((v) => text(t, '', v)).join(', ') : t('common.empty');
  if (isObject(value)) {
    // Flat records such as population by age read better as "0-11: 120 · 12-17: 60" than as JSON.
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${isObject(v) || Array.isArray(v) ? JSON.stringify(v) : String(v)}`)
      .join(' · ');
  }
  return String(value);
}

export function ChangesView({ changes }: { changes: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  if (!changes || Object.keys(changes).length === 0) {
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  }
  const rows = toRows(changes);
  return (
    <Table<Row>
      data-testid="audit-changes"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 1000 }}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 200,
          render: (f: string) => t(`audit.fields.${f}`, { defaultValue: f }),
        },
        {
          title: t('audit.before'),
          key: 'before',
          render: (_: unknown, r) =>
            r.pair ? <Typography.Text delete={r.before !== null && r.before !== undefined}>{text(t, r.field, r.before)}</Typography.Text> : null,
          onCell: (r) => ({ colSpan: r.pair ? 1 : 0 }),
        },
        {
          title: t('audit.after'),
          key: 'after',
          render: (_: unknown, r) => (r.pair ? <Typography.Text strong>{text(t, r.field, r.after)}</Typography.Text> : text(t, r.field, r.after)),
          onCell: (r) => ({ colSpan: r.pair ? 1 : 2 }),
        },
      ]}
    />
  );
}
