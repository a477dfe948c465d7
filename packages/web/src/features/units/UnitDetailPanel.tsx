import { EditOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { formatDateTime } from '@pcd/core';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { ErrorResult } from '../../layout/ErrorResult';
import { usePermission } from '../auth/session';
import { useUnit } from './api';
import { kindText, unitFullName } from './names';
import { PopulationEditModal } from './PopulationEditModal';
import { PopulationTable } from './PopulationTable';

export function UnitDetailPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const unit = useUnit(code);
  const canWrite = usePermission('units.write');
  const [editing, setEditing] = useState(false);
  // A new key per opening so the form starts from the figures on screen, not from an abandoned edit.
  const [editKey, setEditKey] = useState(0);

  if (unit.isPending) {
    return (
      <Card data-testid="unit-detail" data-code={code} aria-busy="true">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  // The server answers 404 alike for a unit that does not exist and one outside the caller's area,
  // so the screen says the same for both and never hints that the other commune is there.
  if (isApiError(unit.error) && unit.error.status === 404) {
    return (
      <Card data-testid="unit-detail" data-code={code}>
        <div data-testid="unit-not-found">
          <Result status="404" title={t('units.notFoundTitle')} subTitle={t('units.notFound')} />
        </div>
      </Card>
    );
  }
  if (unit.error) {
    return (
      <Card data-testid="unit-detail" data-code={code}>
        <ErrorResult error={unit.error} onRetry={() => void unit.refetch()} />
      </Card>
    );
  }

  const u = unit.data;
  const ancestors = u.ancestors ?? [];
  const parent = ancestors[ancestors.length - 1];
  const population = u.population;

  return (
    <Card data-testid="unit-detail" data-code={u.code}>
      {ancestors.length > 0 && (
      <Breadcrumb
        data-testid="unit-breadcrumb"
        style={{ marginBottom: 8 }}
        items={[
          ...ancestors.map((a) => ({
            key: a.code,
            title: a.visible === false ? unitFullName(a) : <Link to={`/units/${a.code}`}>{unitFullName(a)}</Link>,
          })),
          { key: u.code, title: unitFullName(u) },
        ]}
      />
      )}
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="unit-name">
        {unitFullName(u)}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        bordered
        items={[
          { key: 'code', label: t('units.code'), children: <span data-testid="unit-code">{u.code}</span> },
          { key: 'kind', label: t('units.kind'), children: <span data-testid="unit-kind">{kindText(t, u.kind)}</span> },
          { key: 'tier', label: t('units.tier'), children: <span data-testid="unit-tier">{t(`tiers.${u.tier}`)}</span> },
          { key: 'parent', label: t('units.parent'), children: parent ? unitFullName(parent) : t('common.empty') },
          ...(u.childCount !== undefined ? [{ key: 'children', label: t('units.children'), children: u.childCount }] : []),
          ...(u.updatedAt
            ? [{ key: 'updatedAt', label: t('units.updatedAt'), children: <span data-testid="unit-updated-at">{formatDateTime(u.updatedAt)}</span> }]
            : []),
          ...(population?.source
            ? [{ key: 'source', label: t('population.source'), children: <span data-testid="population-source">{t(`population.sources.${population.source}`)}</span> }]
            : []),
        ]}
      />

      <Flex align="center" justify="space-between" gap={8} wrap style={{ marginTop: 24, marginBottom: 12 }}>
        <Flex align="center" gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('population.title')}
          </Typography.Title>
          {population?.isDemo && (
            <Tooltip title={t('population.demoHint')}>
              <Tag color="orange" icon={<InfoCircleOutlined />} data-testid="population-demo-tag">
                {t('population.demo')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
        {canWrite && (
          <Button icon={<EditOutlined />} onClick={() => {
              setEditKey((k) => k + 1);
              setEditing(true);
            }} data-testid="population-edit-button">
            {t('population.edit')}
          </Button>
        )}
      </Flex>
      {population?.isDemo && <Alert type="warning" showIcon title={t('population.demoHint')} style={{ marginBottom: 12 }} />}
      {population && population.source !== 'none' ? (
        <PopulationTable population={population} />
      ) : (
        <Empty description={t('population.none')} />
      )}

      {canWrite && (
        <PopulationEditModal key={editKey} unit={u} open={editing} onClose={() => setEditing(false)} onStale={() => void unit.refetch()} />
      )}
    </Card>
  );
}
