/**
 * Administrative units: lazy tree and diacritic-insensitive search on the left, detail and population on the right.
 * The selected unit is in the URL (/units/<code>) so a link can be shared.
 * Test ids: unit-search-input, unit-tree, unit-node (data-code), unit-search-results, unit-search-result (data-code),
 * unit-detail (data-code), unit-detail-empty, unit-not-found, unit-updated-at, unit-breadcrumb, unit-name, unit-code, unit-kind, unit-tier, population-source,
 * unit-population-table, population-count-<band>, population-total, population-demo-tag,
 * population-edit-button, population-edit-form, population-input-<band>, population-edit-total, population-save,
 * unit-export-button, unit-import-button, unit-import-dialog, import-type, import-mode, import-file, import-province,
 * import-submit, import-template-units, import-template-population, import-result, import-created, import-updated,
 * import-skipped, import-error-count, import-errors, import-ok.
 */
import { DownloadOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Grid, Input, Row, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../layout/PageHeader';
import { usePermission } from '../auth/session';
import { unitLinks, useUnit } from './api';
import { ImportDialog } from './ImportDialog';
import { UnitDetailPanel } from './UnitDetailPanel';
import { UnitSearchResults } from './UnitSearchResults';
import { UnitTree } from './UnitTree';
import { useDebounced } from '../../app/useDebounced';

export default function UnitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code } = useParams<{ code?: string }>();
  const canImport = usePermission('units.import');
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 300);
  const [importing, setImporting] = useState(false);
  const [treeVersion, setTreeVersion] = useState(0);
  // Shares the detail query with the panel, only to learn the ancestors the tree must open.
  const selected = useUnit(code);
  const searching = query.trim().length >= 2;
  // Side by side the tree fills the screen height; stacked above the detail it must leave room for it.
  const wide = Grid.useBreakpoint().lg !== false;

  const select = (next: string) => navigate(`/units/${encodeURIComponent(next)}`);

  return (
    <div data-testid="units-page">
      <PageHeader
        title={t('units.title')}
        extra={
          <>
            <Tooltip title={t('units.exportHint')}>
              <Button icon={<DownloadOutlined />} href={unitLinks.exportXlsx(code ?? null)} data-testid="unit-export-button">
                {t('units.exportXlsx')}
              </Button>
            </Tooltip>
            {canImport && (
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="unit-import-button">
                {t('units.import')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9} xl={8}>
          <Card
            styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12, height: wide ? 'calc(100vh - 210px)' : 440, minHeight: 420 } }}
          >
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('units.searchPlaceholder')}
              aria-label={t('units.searchLabel')}
              title={t('units.searchLabel')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              data-testid="unit-search-input"
            />
            {searching && (
              <UnitSearchResults query={query} selectedCode={code} onSelect={select} onClear={() => setSearch('')} />
            )}
            {/* Kept mounted while searching so that it keeps its opened branches and follows the selection. */}
            <div style={{ display: searching ? 'none' : 'flex', flex: 1, minHeight: 0 }}>
              <UnitTree
                key={treeVersion}
                selectedCode={code}
                selectedAncestors={selected.data?.code === code ? selected.data?.ancestors : undefined}
                onSelect={select}
                active={!searching}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          {code ? (
            <UnitDetailPanel code={code} />
          ) : (
            <Card data-testid="unit-detail-empty">
              <div style={{ padding: '48px 0', textAlign: 'center', color: '#8c8c8c' }}>{t('units.selectHint')}</div>
            </Card>
          )}
        </Col>
      </Row>
      {canImport && (
        <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={() => setTreeVersion((v) => v + 1)} />
      )}
    </div>
  );
}
