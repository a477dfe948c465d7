/**
 * Import of residents from the downloadable template (XLSX or CSV). The server answers with a job id at once;
 * the dialog polls the job for progress, then shows the counts and every bad row.
 * Test ids: people-import-dialog, people-import-template, people-import-mode, people-import-file, people-import-submit,
 * people-import-progress, people-import-result, and the result's own ids.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Modal, Progress, Radio, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { householdKeys, peopleKeys, peopleLinks, startResidentImport, useResidentImportJob } from './api';
import { ResidentImportResult } from './ResidentImportResult';
import type { ImportMode, ResidentsImportResult } from './types';
import { SpreadsheetDropZone } from '../../layout/SpreadsheetDropZone';

interface Props {
  open: boolean;
  onClose: () => void;
}

const isResult = (r: unknown): r is ResidentsImportResult => !!r && typeof r === 'object' && Array.isArray((r as ResidentsImportResult).errors);

export function ResidentImportDialog({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ mode: ImportMode }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useResidentImportJob(jobId);
  const status = job.data?.status;
  const result = status === 'done' && isResult(job.data?.result) ? job.data.result : null;
  const failure = status === 'failed' ? ((job.data?.result as { error?: { message?: string } } | null)?.error?.message ?? t('errors.unknown')) : null;

  // Lists on screen are stale once rows were written.
  useEffect(() => {
    if (result?.applied && result.created > 0) {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
    }
  }, [result, queryClient]);

  const submit = async ({ mode }: { mode: ImportMode }) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(t('import.fileRequired'));
      return;
    }
    setUploading(true);
    try {
      const started = await startResidentImport({ mode, file });
      setJobId(started.jobId);
    } catch (err) {
      // Wrong type, unreadable or oversized files are refused before any job starts: say so under the file.
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

  const close = () => {
    reset();
    onClose();
  };

  const running = uploading || status === 'running' || (jobId !== null && !job.data);
  const total = job.data?.total ?? 0;
  const processed = job.data?.processed ?? 0;
  const percent = status === 'done' ? 100 : total ? Math.floor((processed / total) * 100) : 0;
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN').format(n);

  const footer = jobId
    ? [
        <Button key="again" onClick={reset} disabled={running} data-testid="people-import-again">
          {t('import.again')}
        </Button>,
        <Button key="close" type="primary" onClick={close} disabled={running}>
          {t('common.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={uploading} onClick={() => form.submit()} data-testid="people-import-submit">
          {t('import.submit')}
        </Button>,
      ];

  return (
    <Modal open={open} title={t('people.import.title')} onCancel={running ? undefined : close} closable={!running} footer={footer} width={760} destroyOnHidden mask={{ closable: false }}>
      <div data-testid="people-import-dialog">
        {jobId ? (
          <>
            <div data-testid="people-import-progress" data-status={status ?? 'starting'} style={{ marginBottom: 16 }}>
              <Progress percent={percent} status={failure ? 'exception' : status === 'done' ? 'success' : 'active'} />
              <Typography.Text type="secondary" data-testid="people-import-progress-text">
                {t('people.import.progress', { processed: number(processed), total: number(total) })}
              </Typography.Text>
            </div>
            {failure && <Alert type="error" showIcon title={t('people.import.failed', { message: failure })} data-testid="people-import-failed" />}
            {result && <ResidentImportResult result={result} onReviewDuplicates={close} />}
          </>
        ) : (
          <Form<{ mode: ImportMode }> form={form} name="residentImport" layout="vertical" initialValues={{ mode: 'all' }} onFinish={submit} disabled={uploading}>
            <Alert type="info" showIcon title={t('people.import.steps')} style={{ marginBottom: 16 }} />
            <Button icon={<DownloadOutlined />} href={peopleLinks.template()} data-testid="people-import-template" style={{ marginBottom: 16 }}>
              {t('people.import.template')}
            </Button>
            <Form.Item name="mode" label={t('people.import.mode')}>
              <Radio.Group data-testid="people-import-mode">
                <Flex vertical gap={4}>
                  <Radio value="all" data-testid="people-import-mode-all">
                    {t('people.import.modeAll')}
                  </Radio>
                  <Radio value="valid" data-testid="people-import-mode-valid">
                    {t('people.import.modeValid')}
                  </Radio>
                </Flex>
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('import.file')} required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
              <SpreadsheetDropZone
                data-testid="people-import-file"
                files={files}
                onChange={(kept) => {
                  setFiles(kept);
                  setFileError(null);
                }}
                text={t('import.dropHint')}
              />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}
