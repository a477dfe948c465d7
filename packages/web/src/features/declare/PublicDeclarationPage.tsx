/**
 * The health declaration anyone fills in on their phone, without an account, usually after scanning
 * the QR code printed at a declaration point (/khai-bao/<token>); /khai-bao works without a point.
 * Test ids: decl-page, decl-point, decl-point-gone, decl-form, decl-* fields, decl-submit, decl-problem,
 * decl-receipt, decl-receipt-code, decl-next.
 */
import { EnvironmentOutlined } from '@ant-design/icons';
import { vnDate } from '@pcd/core';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { ArrivalDateSelect } from './ArrivalDateSelect';
import { HealthFields, IdentityFields, JourneyFields } from './DeclarationFields';
import { NEXT_IN_FAMILY, emptyDeclaration, formFieldOf, toPayload, type DeclarationFormValues } from './declarationValues';
import { usePublicCheckpoint, useSubmitDeclaration } from './publicApi';
import { ReceiptView, type Receipt } from './ReceiptView';

interface Problem {
  title: string;
  text: string;
}

// Off-screen rather than display:none, which some form-filling robots recognise and skip.
const HONEYPOT_STYLE = { position: 'absolute', left: -10_000, top: 'auto', width: 1, height: 1, overflow: 'hidden' } as const;

export default function PublicDeclarationPage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const point = usePublicCheckpoint(token);
  const [form] = Form.useForm<DeclarationFormValues>();
  const submit = useSubmitDeclaration();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [destination, setDestination] = useState<string>();
  const [tokenRejected, setTokenRejected] = useState(false);
  const pointGone = !!token && (point.isError || tokenRejected);
  const activeToken = token && point.data && !tokenRejected ? token : undefined;

  useEffect(() => {
    document.title = t('declare.pageTitle');
  }, [t]);

  const onFinish = async (values: DeclarationFormValues) => {
    setProblem(null);
    try {
      const { receiptCode } = await submit.mutateAsync({ ...toPayload(values), checkpointToken: activeToken, website: values.website ?? '' });
      setReceipt({ code: receiptCode, fullName: toPayload(values).fullName, arrivalDate: values.arrivalDate!, destination });
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (!isApiError(err)) {
        setProblem({ title: t('declare.failedTitle'), text: t('errors.unknown') });
        return;
      }
      if (err.status === 429) {
        setProblem({ title: t('declare.tooManyTitle'), text: err.message });
        return;
      }
      if (err.field === 'checkpointToken') setTokenRejected(true);
      const problems = err.details.length ? err.details : err.field ? [{ field: err.field, message: err.message }] : [];
      const onForm = problems.map((p) => ({ name: formFieldOf(p.field), errors: [p.message] })).filter((p) => p.name);
      if (onForm.length) {
        form.setFields(onForm.map((p) => ({ name: p.name as keyof DeclarationFormValues, errors: p.errors })));
        form.scrollToField(onForm[0].name!, { behavior: 'smooth', block: 'center' });
      }
      if (onForm.length < problems.length || !problems.length) setProblem({ title: t('declare.failedTitle'), text: err.message });
    }
  };

  const declareNext = () => {
    form.setFieldsValue(NEXT_IN_FAMILY);
    setReceipt(null);
    setProblem(null);
    window.scrollTo({ top: 0 });
  };

  return (
    <div data-testid="decl-page" style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex
        align="center"
        gap={10}
        style={{ background: '#fff', borderBottom: '3px solid #b91c1c', padding: '8px 12px', position: 'sticky', top: 0, zIndex: 10 }}
      >
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Flex vertical style={{ flex: 1, minWidth: 0, lineHeight: 1.25 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t('declare.pageTitle')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {t('app.title')}
          </Typography.Text>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <main style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
        {point.data && (
          <Alert
            type="info"
            icon={<EnvironmentOutlined />}
            showIcon
            data-testid="decl-point"
            title={<span data-testid="decl-point-name">{point.data.name}</span>}
            description={[point.data.location, point.data.unitName].filter(Boolean).join(' — ')}
            style={{ marginBottom: 12 }}
          />
        )}
        {pointGone && (
          <Alert type="warning" showIcon data-testid="decl-point-gone" title={t('declare.pointGoneTitle')} description={t('declare.pointGone')} style={{ marginBottom: 12 }} />
        )}
        {receipt && <ReceiptView receipt={receipt} onNext={declareNext} />}
        {/* Kept mounted under the receipt so that the next family member starts from the same journey. */}
        <div hidden={!!receipt}>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 4px 12px' }}>
            {t('declare.intro')}
          </Typography.Paragraph>
          <Form<DeclarationFormValues>
            form={form}
            name="declaration"
            layout="vertical"
            size="large"
            data-testid="decl-form"
            initialValues={emptyDeclaration(vnDate())}
            onFinish={(v) => void onFinish(v)}
            onValuesChange={() => problem && setProblem(null)}
            scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
            autoComplete="on"
          >
            <Card title={t('declare.sectionPerson')} size="small" style={{ marginBottom: 12 }}>
              <IdentityFields phoneRequired />
            </Card>
            <Card title={t('declare.sectionJourney')} size="small" style={{ marginBottom: 12 }}>
              <JourneyFields
                checkpointToken={activeToken}
                arrivalInput={<ArrivalDateSelect data-testid="decl-arrival-date" />}
                onDestination={setDestination}
              />
            </Card>
            <Card title={t('declare.sectionHealth')} size="small" style={{ marginBottom: 12 }}>
              <HealthFields />
            </Card>
            <div aria-hidden="true" style={HONEYPOT_STYLE}>
              <Form.Item name="website" label="Website">
                <Input tabIndex={-1} autoComplete="off" />
              </Form.Item>
            </div>
            {problem && (
              <Alert type="error" showIcon data-testid="decl-problem" title={problem.title} description={problem.text} style={{ marginBottom: 12 }} />
            )}
            <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} disabled={!!token && point.isPending} data-testid="decl-submit">
              {t('declare.submit')}
            </Button>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 4px 24px' }}>
              {t('declare.privacy')}
            </Typography.Paragraph>
          </Form>
        </div>
      </main>
    </div>
  );
}
