import { Button, Card, Popconfirm, Space, Table, Tag, Typography, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@pcd/core';
import { useShowError } from '../../api/useShowError';
import { useResetRuleSetting } from './api';
import { RuleSetForm } from './RuleSetForm';
import type { RuleField, RuleSet, RuleSettings } from './types';

export function RuleSetCard({ ruleSet, unit, canEdit }: { ruleSet: RuleSet; unit: RuleSettings['unit']; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const reset = useResetRuleSetting();
  const [editing, setEditing] = useState(false);
  const unitName = unit?.name ?? '';

  const doReset = async () => {
    if (!unit || !ruleSet.own) return;
    try {
      await reset.mutateAsync({ key: ruleSet.key, unit: unit.code, version: ruleSet.own.version });
      void message.success(t('rules.resetDone'));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Card
      data-testid="rule-set"
      data-key={ruleSet.key}
      title={
        <Space wrap>
          {ruleSet.label}
          {ruleSet.own && <Tag color="blue">{t('rules.ownBadge', { unit: unitName })}</Tag>}
        </Space>
      }
      extra={
        canEdit && unit ? (
          <Space>
            {ruleSet.own && (
              <Popconfirm title={t('rules.confirmReset', { unit: unitName, label: ruleSet.label })} onConfirm={() => void doReset()} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                <Button data-testid="rule-reset" loading={reset.isPending}>{t('rules.reset')}</Button>
              </Popconfirm>
            )}
            <Button type="primary" data-testid="rule-edit" onClick={() => setEditing(true)}>{t('rules.edit', { unit: unitName })}</Button>
          </Space>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('rules.source', { source: ruleSet.source })}</Typography.Paragraph>
      {ruleSet.own && (
        <Typography.Paragraph type="secondary">{t('rules.updated', { at: formatDateTime(ruleSet.own.updatedAt), by: ruleSet.own.updatedBy ?? t('common.empty') })}</Typography.Paragraph>
      )}
      <Table<RuleField>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={ruleSet.fields}
        onRow={(f) => ({ 'data-testid': 'rule-field', 'data-key': f.key }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('rules.setting'), dataIndex: 'label' },
          {
            title: t('rules.value'),
            dataIndex: 'text',
            render: (text: string, f) => (f.fromUnit ? <Typography.Text strong>{text}</Typography.Text> : text),
          },
          { title: t('rules.from'), render: (_, f) => f.fromUnit?.name ?? <Typography.Text type="secondary">{t('rules.defaultFrom')}</Typography.Text> },
          { title: t('rules.defaultValue'), dataIndex: 'defaultText' },
        ]}
      />
      {editing && unit && <RuleSetForm ruleSet={ruleSet} unit={unit} onClose={() => setEditing(false)} />}
    </Card>
  );
}
