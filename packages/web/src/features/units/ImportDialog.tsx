import { DownloadOutlined } from '@ant-design/icons';
import { foldVietnamese } from '@pcd/core';
import { Alert, App, Button, Flex, Form, Modal, Radio, Select, Tabs, Typography } from 'antd';
import { unitFullName } from './names';
import type { UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { useShowError } from '../../api/useShowError';
import { useCurrentSession } from '../auth/session';
import { importUnitsFile, importUnitsFromRegistry, unitKeys, unitLinks, useRegistryProvinces } from './api';
import { ImportResultView } from './ImportResultView';
import type { ImportMode, ImportResult, ImportRowError, ImportType } from './types';
import { SpreadsheetDropZone } from '../../layout/SpreadsheetDropZone';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Lets the page rebuild its tree once units were added. */
  onImported: () => void;
}

interface FileValues {
  type: ImportType;
  mode: ImportMode;
}

/** A refused all-or-nothing import may come back as an error that still lists the bad rows. */
function rowErrorsOf(err: unknown): ImportRowError[] | null {
  if (!isApiError(err) || !err.payload || typeof err.payload !== 'object') return null;
  const p = err.payload as { errors?: unknown; error?: { errors?: unknown; details?: unknown } };
  const list = p.errors ?? p.error?.errors ?? p.error?.details;
  if (!Array.isArray(list) || !list.every((e) => typeof (e as ImportRowError)?.row === 'number')) return null;
  return list as ImportRowError[];
}

export function ImportDialog({ open, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [fileForm] = Form.useForm<FileValues>();
  const [registryForm] = Form.useForm<{ provinceCode: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [tab, setTab] = useState<'file' | 'registry'>('file');
  const national = useCurrentSession().user.national;
  const provinces = useRegistryProvinces(open && tab === 'registry');

  const run = async (job: () => Promise<ImportResult>) => {
    setBusy(true);
    try {
      const answer = await job();
      setResult({ ...answer, errors: answer.errors ?? [] });
      if (answer.applied !== false && answer.created + answer.updated > 0) {
        await queryClient.invalidateQueries({ queryKey: unitKeys.all });
        onImported();
      }
    } catch (err) {
      const rows = rowErrorsOf(err);
      if (rows) {
        setResult({ created: 0, updated: 0, skipped: 0, errors: rows, applied: false });
        if (err instanceof Error) void message.error(err.message);
      } else {
        showError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const submitFile = async (values: FileValues) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError(true);
      return;
    }
    await run(() => importUnitsFile({ type: values.type, mode: values.mode, file }));
  };

  const submitRegistry = async (values: { provinceCode: string }) => {
    await run(() => importUnitsFromRegistry(values.provinceCode));
  };

  const reset = () => {
    setResult(null);
    setFiles([]);
  };

  const close = () => {
    reset();
    onClose();
  };

  const footer = result
    ? [
        <Button key="again" onClick={reset}>
          {t('import.again')}
        </Button>,
        <Button key="close" type="primary" onClick={close}>
          {t('common.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          data-testid="import-submit"
          onClick={() => (tab === 'file' ? fileForm.submit() : registryForm.submit())}
        >
          {t('import.submit')}
        </Button>,
      ];

  const fileTab = (
    <Form<FileValues>
      form={fileForm}
      name="unitImport"
      layout="vertical"
      initialValues={{ type: 'units', mode: 'all' }}
      onFinish={submitFile}
      disabled={busy}
    >
      <Form.Item name="type" label={t('import.type')}>
        <Radio.Group
          data-testid="import-type"
          options={[
            { value: 'units', label: t('import.typeUnits') },
            { value: 'population', label: t('import.typePopulation') },
          ]}
        />
      </Form.Item>
      <Form.Item name="mode" label={t('import.mode')}>
        <Radio.Group
          data-testid="import-mode"
          options={[
            { value: 'all', label: t('import.modeAll') },
            { value: 'valid', label: t('import.modeValid') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('import.file')}
        required
        validateStatus={fileError ? 'error' : undefined}
        help={fileError ? t('import.fileRequired') : undefined}
      >
        <SpreadsheetDropZone
          data-testid="import-file"
          files={files}
          onChange={(kept) => {
            setFiles(kept);
            setFileError(false);
          }}
          text={t('import.dropHint')} hint={t('import.dropSub')}
        />
      </Form.Item>
      <Flex gap={8} wrap align="center">
        <Typography.Text type="secondary">{t('import.templates')}</Typography.Text>
        <Button size="small" icon={<DownloadOutlined />} href={unitLinks.template('units')} data-testid="import-template-units">
          {t('import.templateUnits')}
        </Button>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={unitLinks.template('population')}
          data-testid="import-template-population"
        >
          {t('import.templatePopulation')}
        </Button>
      </Flex>
    </Form>
  );

  const registryTab = (
    <Form<{ provinceCode: string }> form={registryForm} name="registryImport" layout="vertical" onFinish={submitRegistry} disabled={busy}>
      <Alert type="info" showIcon title={t('import.registryHint')} style={{ marginBottom: 16 }} />
      {provinces.error && <Alert type="error" showIcon title={provinces.error.message} style={{ marginBottom: 16 }} />}
      <Form.Item name="provinceCode" label={t('import.province')} rules={[{ required: true, message: t('import.provinceRequired') }]}>
        <Select
          data-testid="import-province"
          loading={provinces.isPending && provinces.fetchStatus !== 'idle'}
          status={provinces.error ? 'error' : undefined}
          showSearch={{
            filterOption: (input, option) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)),
          }}
          placeholder={t('import.provincePlaceholder')}
          options={[...(provinces.data ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
            .map((p) => ({ value: p.code, label: `${unitFullName(p)} (${p.code})` }))}
        />
      </Form.Item>
    </Form>
  );

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={footer} width={720} destroyOnHidden mask={{ closable: false }}>
      <div data-testid="unit-import-dialog">
        {result ? (
          <ImportResultView result={result} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as 'file' | 'registry')}
            items={[
              { key: 'file', label: t('import.tabFile'), children: fileTab },
              ...(national ? [{ key: 'registry', label: t('import.tabRegistry'), children: registryTab }] : []),
            ]}
          />
        )}
      </div>
    </Modal>
  );
}
