/**
 * The transmission chain of a cluster (/cases/chain/<id>) or of a case (/cases/chain/case-<id>).
 * Test ids: chain-page, chain-showing, chain-count-<key>, chain-load-more, chain-auto, chain-graph (data-nodes).
 */
import { Alert, Button, Card, Col, Flex, Row, Segmented, Spin, Statistic, Switch } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatNumber } from '../../app/format';
import { ErrorResult } from '../../layout/ErrorResult';
import { PageHeader } from '../../layout/PageHeader';
import { FORCE_LAYOUT_LIMIT } from './chainLimits';
import type { ChainContacts, ChainCounts } from './types';
import { useChainPages } from './useChainPages';

const ChainGraph = lazy(() => import('./ChainGraph'));
const COUNT_KEYS: (keyof ChainCounts)[] = ['cases', 'activeCases', 'recovered', 'deaths', 'f1', 'f2', 'total'];

export function ChainPage() {
  const { t, i18n } = useTranslation();
  const ref = useParams().ref ?? '';
  const [contacts, setContacts] = useState<ChainContacts>('all');
  const chain = useChainPages(ref, contacts);
  const n = (v: number) => formatNumber(v, i18n.language);

  if (chain.error && !chain.nodes.length) return <ErrorResult error={chain.error} onRetry={chain.reload} />;
  const title = chain.root ? `${t('chain.title')} — ${chain.root.kind === 'case' ? t('cases.detail.title', { id: chain.root.id }) : (chain.root.name ?? '')}` : t('chain.title');

  return (
    <div data-testid="chain-page">
      <PageHeader title={title} extra={<Button onClick={chain.reload} data-testid="chain-reload">{t('common.reload')}</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {COUNT_KEYS.map((k) => (
            <Col key={k} xs={12} md={6} xl={3}>
              <Statistic title={t(`chain.counts.${k}`)} value={chain.counts ? n(chain.counts[k]) : '—'} valueRender={(v) => <span data-testid={`chain-count-${k}`}>{v}</span>} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<ChainContacts>
            value={contacts}
            onChange={setContacts}
            options={(['none', 'f1', 'all'] as const).map((v) => ({ value: v, label: t(`chain.contacts.${v}`) }))}
          />
          <span data-testid="chain-showing">{t('chain.showing', { shown: n(chain.nodes.length), total: n(chain.counts?.total ?? 0) })}</span>
          {chain.loading && <Spin size="small" />}
          <span>
            <Switch size="small" checked={chain.auto} onChange={chain.setAuto} data-testid="chain-auto" /> {t('chain.loadAll')}
          </span>
          {!chain.auto && chain.nextOffset !== null && (
            <Button onClick={chain.loadMore} loading={chain.loading} data-testid="chain-load-more">{t('chain.loadMore')}</Button>
          )}
        </Flex>
        {chain.nodes.length > FORCE_LAYOUT_LIMIT && <Alert type="info" showIcon title={t('chain.staticLayout')} style={{ marginBottom: 12 }} />}
        <Suspense fallback={<Spin />}>
          <ChainGraph nodes={chain.nodes} edges={chain.edges} />
        </Suspense>
      </Card>
    </div>
  );
}
