/**
 * The follow-up rule in force for the caller's area, and the rules of the units around it.
 * Test ids: rules-page, rule-effective, rule-effective-text, rule-edit, rule-form, rule-*, rules-table.
 */
import { EditOutlined } from '@ant-design/icons';
import { formatDate } from '@pcd/core';
import { Alert, Button, Card, Descriptions, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useCurrentSession } from '../auth/session';
import { useRules } from './api';
import { ArrivalsTabs } from './ArrivalsTabs';
import { ruleText } from './labels';
import { RuleFormModal } from './RuleFormModal';
import type { Rule } from './types';
import { useZoneManager } from './useZoneManager';

export function RulesPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const canManage = useZoneManager();
  const rules = useRules();
  const [editing, setEditing] = useState(false);
  const effective = rules.data?.effective ?? null;
  const own = rules.data?.items.find((r) => r.active && r.unitCode === (user.unitCode ?? null));
  const owner = (r: Rule) => (r.unitCode ? r.unitCode : t('arrivals.rules.national'));

  return (
    <div data-testid="rules-page">
      <PageHeader
        title={t('arrivals.title')}
        extra={
          canManage && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} disabled={!rules.data} data-testid="rule-edit">
              {own ? t('arrivals.rules.edit') : t('arrivals.rules.createOwn')}
            </Button>
          )
        }
      />
      <ArrivalsTabs />
      {rules.error && !rules.data ? (
        <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <>
          <Card title={t('arrivals.rules.effectiveTitle')} loading={rules.isPending} style={{ marginBottom: 16 }} data-testid="rule-effective">
            {effective ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: t('arrivals.rules.name'), children: effective.name },
                  {
                    key: 'content',
                    label: t('arrivals.rules.content'),
                    children: (
                      <Typography.Text strong data-testid="rule-effective-text">
                        {ruleText(t, effective)}
                      </Typography.Text>
                    ),
                  },
                  { key: 'owner', label: t('arrivals.rules.owner'), children: owner(effective) },
                  { key: 'since', label: t('arrivals.rules.since'), children: formatDate(effective.createdAt) },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t('arrivals.rules.none')}</Typography.Text>
            )}
            <Alert type="info" showIcon title={t('arrivals.rules.keepsOld')} style={{ marginTop: 12 }} />
          </Card>
          <Card title={t('arrivals.rules.allTitle')}>
            <Table<Rule>
              data-testid="rules-table"
              rowKey="id"
              size="middle"
              loading={rules.isFetching}
              dataSource={rules.data?.items ?? []}
              pagination={false}
              columns={[
                { title: t('arrivals.rules.owner'), key: 'owner', width: 140, render: (_: unknown, r) => owner(r) },
                { title: t('arrivals.rules.name'), dataIndex: 'name' },
                { title: t('arrivals.rules.content'), key: 'content', render: (_: unknown, r) => ruleText(t, r) },
                { title: t('arrivals.rules.since'), dataIndex: 'createdAt', width: 120, render: (d: string) => formatDate(d) },
              ]}
            />
          </Card>
        </>
      )}
      {editing && <RuleFormModal base={own ?? effective} replacesVersion={own?.version} onClose={() => setEditing(false)} />}
    </div>
  );
}
