/**
 * Import of dose records exported by the national vaccination registry (XLSX or CSV, up to a million rows).
 * The server answers with a job at once; the page polls it for a progress bar, then shows the counts and the
 * bad rows with their row numbers. Coverage figures are refreshed when doses were added.
 * Test ids: dose-import-page, dose-import-template, dose-import-unit, dose-import-file, dose-import-submit,
 * dose-import-progress (data-status), dose-import-result, dose-import-<count>, dose-import-error (data-row, data-field).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Progress, Row, Statistic, Table, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { UnitSelect } from '../units/UnitSelect';
import { vaccinationKeys } from './api';
import { doseImportLinks, startDoseImport, useDoseImportJob, type DoseImportResult, type DoseRowError } from './import-api';
import { SpreadsheetDropZone } from '../../layout/SpreadsheetDropZone';

const isResult = (r: unknown): r is DoseImportResult => !!r && typeof r === 'object' && typeof (r as DoseImportResult).dosesAdded === 'number';
const COUNTS = ['rows', 'created', 'matched', 'dosesAdded', 'skipped', 'errorCount'] as const;

function ImportResult({ result }: { result: DoseImportResult }) {
  const { t, i18n } = useTranslation();
  const groupSeparator = i18n.language === 'en' ? ',' : '.';
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN').format(n);
  return (
    <div data-testid="dose-import-result">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {COUNTS.map((key) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Statistic
              groupSeparator={groupSeparator}
              title={t(`vaccinationImport.${key}`)}
              value={result[key]}
              styles={{ content: { color: key === 'errorCount' && result.errorCount ? '#cf1322' : undefined } }}
              data-testid={`dose-import-${key}`}
            />
          </Col>
        ))}
      </Row>
      <Alert type={result.errorCount ? 'warning' : 'success'} showIcon title={t('vaccinationImport.done', { rows: number(result.rows), dosesAdded: number(result.dosesAdded) })} style={{ marginBottom: 12 }} />
      {result.errorCount > result.errors.length && (
        <Typography.Paragraph type="secondary">{t('vaccinationImport.errorsTruncated', { shown: number(result.errors.length), total: number(result.errorCount) })}</Typography.Paragraph>
      )}
      {result.errors.length > 0 && (
        <Table<DoseRowError & { key: number }>
          data-testid="dose-import-errors"
          size="small"
          rowKey="key"
          dataSource={result.errors.map((e, key) => ({ ...e, key }))}
          onRow={(e) => ({ 'data-testid': 'dose-import-error', 'data-row': String(e.row), 'data-field': e.field }) as React.HTMLAttributes<HTMLElement>}
          pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('vaccinationImport.row'), dataIndex: 'row', width: 80, align: 'right' },
            { title: t('vaccinationImport.field'), dataIndex: 'field', width: 160, render: (f: string) => t(`vaccinationImport.fields.${f as 'header'}`, { defaultValue: f }) },
            { title: t('vaccinationImport.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}

export function ImportDosesPage() {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [unit, setUnit] = useState<string | undefined>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useDoseImportJob(jobId);
  const status = job.data?.status;
  const result = status === 'done' && isResult(job.data?.result) ? job.data.result : null;
  const failure = status === 'failed' ? ((job.data?.result as { error?: { message?: string } } | null)?.error?.message ?? t('errors.unknown')) : null;

  // Coverage, targets and the unvaccinated lists change with every dose written.
  useEffect(() => {
    if (result && (result.dosesAdded > 0 || result.created > 0)) void queryClient.invalidateQueries({ queryKey: vaccinationKeys.all });
  }, [result, queryClient]);

  const submit = async () => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(t('vaccinationImport.fileRequired'));
      return;
    }
    setUploading(true);
    try {
      setJobId((await startDoseImport({ file, unit })).jobId);
    } catch (err) {
      if (isApiError(err) && err.field === 'file') setFileError(err.message);
      showError(err);
    } finally {
      setUploading(false);
    }
  };

  const reset = () => {
    setJobId(null);
    setFiles([]);
    setFileError(null);
  };

  const running = uploading || status === 'running' || (jobId !== null && !job.data);
  const total = job.data?.total ?? 0;
  const processed = job.data?.processed ?? 0;
  const percent = status === 'done' ? 100 : total ? Math.min(99, Math.floor((processed / total) * 100)) : 0;
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN').format(n);

  return (
    <Card data-testid="dose-import-page" title={t('vaccinationImport.title')}>
      <Alert type="info" showIcon title={t('vaccinationImport.steps')} style={{ marginBottom: 16 }} />
      <Button icon={<DownloadOutlined />} href={doseImportLinks.template()} data-testid="dose-import-template" style={{ marginBottom: 16 }}>
        {t('vaccinationImport.template')}
      </Button>
      <Form layout="vertical" onFinish={submit} disabled={running} style={{ maxWidth: 720 }}>
        <Form.Item label={t('vaccinationImport.unit')} help={t('vaccinationImport.unitHelp')}>
          <UnitSelect allowClear value={unit} onChange={setUnit} placeholder={t('vaccinationImport.unitPlaceholder')} data-testid="dose-import-unit" />
        </Form.Item>
        <Form.Item label={t('vaccinationImport.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
          <SpreadsheetDropZone
            data-testid="dose-import-file"
            files={files}
            onChange={(kept) => {
              setFiles(kept);
              setFileError(null);
            }}
            text={t('vaccinationImport.dropHint')}
          />
        </Form.Item>
        {jobId && !running ? (
          <Button onClick={reset} disabled={false} data-testid="dose-import-again">
            {t('vaccinationImport.again')}
          </Button>
        ) : (
          <Button type="primary" htmlType="submit" loading={running} data-testid="dose-import-submit">
            {t('vaccinationImport.submit')}
          </Button>
        )}
      </Form>
      {(uploading || jobId) && (
        <div data-testid="dose-import-progress" data-status={uploading ? 'uploading' : (status ?? 'starting')} style={{ margin: '16px 0' }}>
          <Progress percent={percent} status={failure ? 'exception' : status === 'done' ? 'success' : 'active'} />
          <Typography.Text type="secondary" data-testid="dose-import-progress-text">
            {uploading ? t('vaccinationImport.uploading') : t('vaccinationImport.progress', { processed: number(processed), total: number(Math.max(total, processed)) })}
          </Typography.Text>
        </div>
      )}
      {failure && <Alert type="error" showIcon title={t('vaccinationImport.failed', { message: failure })} data-testid="dose-import-failed" />}
      {result && <ImportResult result={result} />}
    </Card>
  );
}
