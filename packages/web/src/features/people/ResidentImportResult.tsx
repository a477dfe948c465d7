import { Alert, Button, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fieldLabel } from './labels';
import type { ResidentRowError, ResidentsImportResult } from './types';

/** Counts, then every bad row with its row number as Excel shows it, so the official can fix the file. */
export function ResidentImportResult({ result, onReviewDuplicates }: { result: ResidentsImportResult; onReviewDuplicates: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const groupSeparator = i18n.language === 'en' ? ',' : '.';
  const errorCount = result.errors.length;

  return (
    <div data-testid="people-import-result" data-applied={String(result.applied)}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic groupSeparator={groupSeparator} title={t('import.created')} value={result.created} data-testid="people-import-created" />
        </Col>
        <Col span={6}>
          <Statistic groupSeparator={groupSeparator} title={t('people.import.householdsCreated')} value={result.householdsCreated} data-testid="people-import-households" />
        </Col>
        <Col span={6}>
          <Statistic groupSeparator={groupSeparator} title={t('people.import.probableDuplicates')} value={result.probableDuplicates} data-testid="people-import-duplicates" />
        </Col>
        <Col span={6}>
          <Statistic
            groupSeparator={groupSeparator}
            title={t('import.errorCount')}
            value={errorCount}
            styles={{ content: { color: errorCount ? '#cf1322' : undefined } }}
            data-testid="people-import-error-count"
          />
        </Col>
      </Row>
      {result.applied ? (
        <Alert type="success" showIcon title={t('people.import.applied', { created: result.created })} style={{ marginBottom: 12 }} data-testid="people-import-applied" />
      ) : (
        <Alert type="warning" showIcon title={t('people.import.rejected', { count: errorCount })} style={{ marginBottom: 12 }} data-testid="people-import-rejected" />
      )}
      {result.applied && result.probableDuplicates > 0 && (
        <Button
          style={{ marginBottom: 12 }}
          onClick={() => {
            onReviewDuplicates();
            navigate('/people/duplicates');
          }}
        >
          {t('people.import.reviewDuplicates')}
        </Button>
      )}
      {errorCount > 0 && (
        <Table<ResidentRowError & { key: number }>
          data-testid="people-import-errors"
          size="small"
          rowKey="key"
          dataSource={result.errors.map((e, key) => ({ ...e, key }))}
          onRow={(e) => ({ 'data-testid': 'people-import-error', 'data-row': String(e.row), 'data-field': e.field }) as React.HTMLAttributes<HTMLElement>}
          pagination={errorCount > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 70, align: 'right' },
            { title: t('import.field'), dataIndex: 'field', width: 170, render: (f: string) => fieldLabel(t, f) },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
