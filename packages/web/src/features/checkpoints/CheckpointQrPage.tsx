/**
 * The sheet printed and posted at a point: its QR code, name and the instruction, in Vietnamese with
 * English beneath whatever the screen language (visitors read the poster, not the official).
 * Outside the menu layout so that it prints alone. Test ids: qr-page, qr-image, qr-name, qr-instruction, qr-url, qr-print.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult } from '../../layout/ErrorResult';
import { publicFormUrl, useCheckpoint, useQrCode } from './api';

const PRINT_CSS = `
@media print {
  .pcd-no-print { display: none !important; }
  body, #root { background: #fff !important; }
  @page { size: A4 portrait; margin: 15mm; }
}`;

export default function CheckpointQrPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const checkpoint = useCheckpoint(id);
  const qr = useQrCode(id, checkpoint.data?.active ? checkpoint.data.publicToken : undefined);
  const c = checkpoint.data;

  useEffect(() => {
    if (c) document.title = `${t('checkpoints.qr.docTitle')} — ${c.name}`;
  }, [c, t]);

  if (checkpoint.isPending) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  if (!c) return <ErrorResult error={checkpoint.error} onRetry={() => void checkpoint.refetch()} />;
  const url = qr.data?.url ?? publicFormUrl(c.publicToken);

  return (
    <div data-testid="qr-page" style={{ background: '#fff', minHeight: '100vh' }}>
      <style>{PRINT_CSS}</style>
      <Flex className="pcd-no-print" justify="space-between" gap={8} style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
        <Link to={`/checkpoints/${c.id}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('checkpoints.qr.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!qr.data} data-testid="qr-print">
          {t('checkpoints.qr.print')}
        </Button>
      </Flex>
      <Flex vertical align="center" style={{ maxWidth: 720, margin: '0 auto', padding: '32px 16px', textAlign: 'center' }}>
        <Typography.Text strong style={{ fontSize: 20, letterSpacing: 1, color: '#b91c1c' }}>
          {t('checkpoints.qr.heading', { lng: 'vi' }).toUpperCase()}
        </Typography.Text>
        <Typography.Title level={1} style={{ margin: '8px 0 4px' }} data-testid="qr-name">
          {c.name}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {[t(`checkpoints.kinds.${c.kind}`, { lng: 'vi' }), c.location, c.unitName].filter(Boolean).join(' · ')}
        </Typography.Text>
        {!c.active && <Alert type="warning" showIcon title={t('checkpoints.retiredNote')} style={{ marginTop: 24 }} />}
        {qr.isPending && c.active && <Spin size="large" style={{ margin: 80 }} />}
        {qr.error && <ErrorResult error={qr.error} onRetry={() => void qr.refetch()} />}
        {qr.data && (
          <img
            data-testid="qr-image"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.data.svg)}`}
            alt={t('checkpoints.qr.alt', { name: c.name })}
            style={{ width: 'min(90vw, 360px)', height: 'min(90vw, 360px)', margin: '24px 0 8px', imageRendering: 'pixelated' }}
          />
        )}
        <Typography.Title level={2} style={{ margin: '8px 0 0' }} data-testid="qr-instruction">
          {t('checkpoints.qr.instruction', { lng: 'vi' })}
        </Typography.Title>
        <Typography.Text style={{ fontSize: 18 }} type="secondary">
          {t('checkpoints.qr.instruction', { lng: 'en' })}
        </Typography.Text>
        <Typography.Paragraph style={{ marginTop: 24, fontSize: 14 }}>
          {t('checkpoints.qr.orOpen', { lng: 'vi' })}
          <br />
          <Typography.Text strong data-testid="qr-url" style={{ wordBreak: 'break-all' }}>
            {url}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('checkpoints.qr.free', { lng: 'vi' })}</Typography.Text>
      </Flex>
    </div>
  );
}
