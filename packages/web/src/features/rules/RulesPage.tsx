/**
 * The medical rules in force for a unit: each rule set with its values, the unit each comes from
 * and the default with its legal source; provinces and districts edit their own.
 * Test ids: rules-page, rules-unit, rule-set (data-key), rule-field (data-key), rule-edit, rule-reset.
 */
import { Alert, Card, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { useCurrentSession } from '../auth/session';
import { UnitSelect } from '../units/UnitSelect';
import { useRuleSettings } from './api';
import { RuleSetCard } from './RuleSetCard';

export default function RulesPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const { data, error, isLoading } = useRuleSettings(unit);

  return (
    <div data-testid="rules-page">
      <PageHeader title={t('rules.title')}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, maxWidth: 900 }}>{t('rules.intro')}</Typography.Paragraph>
      </PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Form.Item label={t('rules.unit')} extra={t('rules.unitHint')}>
            <div style={{ minWidth: 320 }}>
              <UnitSelect value={unit ?? user.unitCode ?? undefined} valueLabel={unit ? undefined : user.unitName} onChange={(code) => setUnit(code)} allowClear data-testid="rules-unit" />
            </div>
          </Form.Item>
        </Form>
        {data && !data.unit && <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('rules.nationalOnly')} />}
        {data && data.unit && !data.canEdit && <Typography.Text type="secondary">{t('rules.readOnly')}</Typography.Text>}
      </Card>
      {error && <Alert type="error" showIcon message={error instanceof Error ? error.message : t('errors.loadFailed')} />}
      {isLoading && <Card loading />}
      <Flex vertical gap={16}>
        {data?.ruleSets.map((rs) => <RuleSetCard key={rs.key} ruleSet={rs} unit={data.unit} canEdit={data.canEdit} />)}
      </Flex>
    </div>
  );
}
