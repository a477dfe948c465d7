/**
 * User accounts (admin only). Paging and search live in the URL (?page&pageSize&q).
 * Test ids: users-search, users-table, user-row (data-username; holds user-edit and user-toggle), user-create-button,
 * users-export, user-form, user-username, user-fullname, user-role, user-unit, user-assigned-units, user-password, user-save.
 */
import { DownloadOutlined, EditOutlined, LockOutlined, SearchOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '@pcd/core';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../api/useListParams';
import { useShowError } from '../../api/useShowError';
import { isApiError } from '../../api/errors';
import { ErrorResult } from '../../layout/ErrorResult';
import { useDebounced } from '../../app/useDebounced';
import { PageHeader } from '../../layout/PageHeader';
import { useCurrentSession } from '../auth/session';
import { useUpdateUser, useUsers, usersExportUrl } from './api';
import { ROLE_COLORS } from './roleOptions';
import type { User } from './types';
import { UserFormModal } from './UserFormModal';
import { serverPagination } from '../../api/serverPagination';

const FILTERS = ['q'] as const;

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { user: me } = useCurrentSession();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const users = useUsers({ page, pageSize, q: filters.q });
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [search, setSearch] = useState(filters.q);
  const typed = useDebounced(search.trim(), 400);

  // Search as the admin types; the URL keeps the query so Back and reload show the same list.
  useEffect(() => {
    if (typed !== filters.q) setFilters({ q: typed });
    // Only a change of what was typed should trigger; filters.q follows from it.
  }, [typed]);

  // Back/Forward change the URL under the box: show that query, unless it is the one just typed.
  useEffect(() => {
    if (filters.q !== typed) setSearch(filters.q);
  }, [filters.q]);
  // A new key per opening gives the dialog a fresh form, never the values typed the last time.
  const [formKey, setFormKey] = useState(0);

  const openForm = (user: User | null) => {
    setEditing(user);
    setFormKey((k) => k + 1);
    setFormOpen(true);
  };

  const toggle = async (user: User) => {
    try {
      await update.mutateAsync({ id: user.id, changes: { version: user.version, disabled: !user.disabled } });
      void message.success(t(user.disabled ? 'users.enabledOk' : 'users.disabledOk', { username: user.username }));
    } catch (err) {
      if (isApiError(err) && err.isConflict) void message.warning(t('errors.conflict'));
      else showError(err);
    }
  };

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={usersExportUrl(filters.q)} data-testid="users-export">
              {t('common.exportXlsx')}
            </Button>
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => openForm(null)} data-testid="user-create-button">
              {t('users.create')}
            </Button>
          </>
        }
      />
      <Card>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onPressEnter={() => setFilters({ q: search.trim() })}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          style={{ maxWidth: 420, marginBottom: 16 }}
          data-testid="users-search"
        />
        {users.error && !users.data ? (
          <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            data-testid="users-table"
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 1380 }}
            onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as React.HTMLAttributes<HTMLElement>}
            pagination={serverPagination(t, { page, pageSize, total: users.data?.total ?? 0, onChange: setPage })}
            columns={[
              {
                title: t('users.username'),
                dataIndex: 'username',
                width: 190,
                render: (username: string, u) => (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong>{username}</Typography.Text>
                    {u.id === me.id && <Tag color="processing">{t('users.self')}</Tag>}
                  </Space>
                ),
              },
              { title: t('users.fullName'), dataIndex: 'fullName', width: 200 },
              {
                title: t('users.role'),
                dataIndex: 'role',
                width: 230,
                render: (role: User['role']) => (
                  <Tag color={ROLE_COLORS[role]} style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
                    {t(`roles.${role}`)}
                  </Tag>
                ),
              },
              {
                title: t('users.unit'),
                dataIndex: 'unitName',
                width: 170,
                render: (name: string | null, u) =>
                  u.unitCode ? (
                    <span title={u.unitCode}>{name ?? u.unitCode}</span>
                  ) : (
                    <Typography.Text type="secondary">{t('users.national')}</Typography.Text>
                  ),
              },
              {
                title: t('users.status'),
                dataIndex: 'disabled',
                width: 150,
                render: (disabled: boolean) =>
                  disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="success">{t('users.active')}</Tag>,
              },
              {
                title: t('users.lastLoginAt'),
                dataIndex: 'lastLoginAt',
                width: 160,
                render: (v: string | null) => (v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>),
              },
              { title: t('users.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => (v ? formatDate(v) : '') },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                width: 190,
                render: (_: unknown, u) => (
                  <Space size={0}>
                    <Button type="link" icon={<EditOutlined />} onClick={() => openForm(u)} data-testid="user-edit">
                      {t('common.edit')}
                    </Button>
                    {u.id !== me.id && (
                      <Popconfirm
                        title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { username: u.username })}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => toggle(u)}
                      >
                        <Button
                          type="link"
                          danger={!u.disabled}
                          icon={u.disabled ? <UnlockOutlined /> : <LockOutlined />}
                          data-testid="user-toggle"
                        >
                          {u.disabled ? t('users.enable') : t('users.disable')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <UserFormModal key={formKey} user={editing} open={formOpen} onClose={() => setFormOpen(false)} />
    </div>
  );
}
