import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportRowError } from './types';

export function ImportResultView({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const groupSeparator = i18n.language === 'en' ? ',' : '.';
  const refused = result.applied === false;

  return (
    <div data-testid="import-result">
      <Typography.Title level={5}>{t('import.resultTitle')}</Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic groupSeparator={groupSeparator} title={t('import.created')} value={result.created} data-testid="import-created" />
        </Col>
        <Col span={6}>
          <Statistic groupSeparator={groupSeparator} title={t('import.updated')} value={result.updated} data-testid="import-updated" />
        </Col>
        <Col span={6}>
          <Statistic groupSeparator={groupSeparator} title={t('import.skipped')} value={result.skipped} data-testid="import-skipped" />
        </Col>
        <Col span={6}>
          <Statistic
            groupSeparator={groupSeparator}
            title={t('import.errorCount')}
            value={result.errors.length}
            styles={{ content: { color: result.errors.length ? '#cf1322' : undefined } }}
            data-testid="import-error-count"
          />
        </Col>
      </Row>
      {refused && <Alert type="warning" showIcon title={t('import.rejected')} style={{ marginBottom: 12 }} />}
      {result.moved && result.moved.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-moved"
          style={{ marginBottom: 12 }}
          title={t(refused ? 'import.wouldMove' : 'import.moved', { count: result.moved.length })}
          description={result.moved.slice(0, 20).map((m) => t('import.movedLine', { row: m.row, code: m.code, name: m.name, from: m.fromPath.split('/').filter(Boolean).slice(0, -1).join(' › ') || '—', to: m.toParentCode ?? '—' })).join('; ')}
        />
      )}
      {result.errors.length === 0 ? (
        <Alert type="success" showIcon title={t('import.noErrors')} data-testid="import-ok" />
      ) : (
        <Table<ImportRowError & { key: number }>
          data-testid="import-errors"
          size="small"
          rowKey="key"
          dataSource={result.errors.map((e, key) => ({ ...e, key }))}
          pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80, align: 'right' },
            { title: t('import.field'), dataIndex: 'field', width: 140, render: (f?: string | null) => (f ? t(`import.fields.${f}`, { defaultValue: f }) : t('common.empty')) },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
