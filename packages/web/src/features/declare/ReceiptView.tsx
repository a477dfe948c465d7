import { CheckCircleFilled } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface Receipt {
  code: string;
  fullName: string;
  arrivalDate: string;
  destination?: string;
}

/** The receipt is what the declarant shows at the checkpoint: big enough to read off a screenshot. */
export function ReceiptView({ receipt, onNext }: { receipt: Receipt; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="decl-receipt" style={{ textAlign: 'center' }}>
      <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} />
      <Typography.Title level={3} style={{ marginTop: 12 }}>
        {t('declare.receiptTitle')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('declare.receiptLabel')}</Typography.Text>
      <div
        data-testid="decl-receipt-code"
        style={{
          fontFamily: "ui-monospace, 'Roboto Mono', Menlo, Consolas, monospace",
          fontSize: 'clamp(30px, 10vw, 44px)',
          fontWeight: 700,
          letterSpacing: 2,
          margin: '8px 0 16px',
          padding: '12px 8px',
          border: '2px dashed #0b5cad',
          borderRadius: 8,
          color: '#0b2545',
          userSelect: 'all',
        }}
      >
        {receipt.code}
      </div>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Text strong data-testid="decl-receipt-name">
          {receipt.fullName}
        </Typography.Text>
        <Typography.Text data-testid="decl-receipt-arrival">{t('declare.receiptArrival', { date: formatDate(receipt.arrivalDate) })}</Typography.Text>
        {receipt.destination && <Typography.Text type="secondary">{receipt.destination}</Typography.Text>}
      </Flex>
      <Typography.Paragraph>{t('declare.receiptHint')}</Typography.Paragraph>
      <Button size="large" onClick={onNext} data-testid="decl-next">
        {t('declare.nextPerson')}
      </Button>
    </Card>
  );
}
