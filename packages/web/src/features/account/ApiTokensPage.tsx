/**
 * Personal API tokens: list, create (secret shown once), revoke.
 * Test ids: tokens-table, token-row (data-name), token-create-button, token-form, token-name, token-value,
 * token-revoke (inside token-row).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatDateTime } from '@pcd/core';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { useRevokeToken, useTokens, type ApiToken } from './api';
import { NewTokenModal } from './NewTokenModal';

export default function ApiTokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [createKey, setCreateKey] = useState(0);

  const onRevoke = async (token: ApiToken) => {
    try {
      await revoke.mutateAsync(token.id);
      void message.success(t('account.revokedOk', { name: token.name }));
    } catch (err) {
      showError(err);
    }
  };

  // Active tokens first: those are the ones an official needs to review.
  const rows = [...(tokens.data ?? [])].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt));

  return (
    <div>
      <PageHeader
        title={t('account.tokensTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => {
            setCreateKey((k) => k + 1);
            setCreating(true);
          }} data-testid="token-create-button">
            {t('account.createToken')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, maxWidth: 860 }}>
          {t('account.tokensIntro')}
        </Typography.Paragraph>
      </PageHeader>
      <Card>
        {tokens.error ? (
          <ErrorResult error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : (
          <Table<ApiToken>
            data-testid="tokens-table"
            rowKey="id"
            loading={tokens.isPending}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('account.noTokens') }}
            onRow={(tk) => ({ 'data-testid': 'token-row', 'data-name': tk.name }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('account.tokenName'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('account.prefix'), dataIndex: 'prefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
              { title: t('account.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
              {
                title: t('account.lastUsedAt'),
                dataIndex: 'lastUsedAt',
                render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('account.neverUsed')}</Typography.Text>),
              },
              {
                title: t('account.status'),
                dataIndex: 'revokedAt',
                render: (v: string | null) =>
                  v ? <Tag>{t('account.revoked', { date: formatDateTime(v) })}</Tag> : <Tag color="success">{t('account.active')}</Tag>,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, tk) =>
                  tk.revokedAt ? null : (
                    <Popconfirm
                      title={t('account.confirmRevoke', { name: tk.name })}
                      okText={t('account.revoke')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => onRevoke(tk)}
                    >
                      <Button type="link" danger icon={<DeleteOutlined />} data-testid="token-revoke">
                        {t('account.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <NewTokenModal key={createKey} open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
