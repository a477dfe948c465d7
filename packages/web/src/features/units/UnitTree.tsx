import { Empty, Spin, Tree } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/useShowError';
import { ErrorResult } from '../../layout/ErrorResult';
import { fetchUnitChildren, unitKeys, useTopUnits } from './api';
import { unitFullName } from './names';
import type { UnitRef, UnitSummary } from './types';
import { useElementHeight } from './useElementHeight';

interface Props {
  selectedCode?: string;
  /** Root-first chain of the selected unit; the tree opens down to it. */
  selectedAncestors?: UnitRef[];
  onSelect: (code: string) => void;
  /** False while hidden behind search results; a hidden virtual list cannot scroll. */
  active?: boolean;
}

type TreeRef = { scrollTo: (opts: { key: string; align?: 'top' | 'bottom' | 'auto'; offset?: number }) => void };

function isLeaf(unit: UnitSummary): boolean {
  return unit.tier === 'village' || unit.hasChildren === false;
}

export function UnitTree({ selectedCode, selectedAncestors, onSelect, active = true }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const roots = useTopUnits();
  const [children, setChildren] = useState<Record<string, UnitSummary[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const boxRef = useRef<HTMLDivElement>(null);
  const treeRef = useRef<TreeRef>(null);
  const height = useElementHeight(boxRef, 520);

  const loadChildren = useCallback(
    async (code: string) => {
      const items = await queryClient.fetchQuery({
        queryKey: unitKeys.children(code),
        queryFn: () => fetchUnitChildren(code),
        staleTime: 5 * 60_000,
      });
      setChildren((prev) => ({ ...prev, [code]: items }));
      return items;
    },
    [queryClient],
  );

  const scrollToSelected = useCallback(() => {
    // After the expanded rows render and the list has its height back.
    if (selectedCode) setTimeout(() => treeRef.current?.scrollTo({ key: selectedCode, align: 'auto', offset: 40 }), 60);
  }, [selectedCode]);

  useEffect(() => {
    if (active) scrollToSelected();
  }, [active, scrollToSelected]);

  // Open the tree down to a unit chosen elsewhere (search, deep link), loading each level on the way.
  const chainKey = selectedAncestors?.map((a) => a.code).join('/') ?? '';
  useEffect(() => {
    if (!roots.data || !selectedAncestors?.length) return;
    const rootCodes = new Set(roots.data.map((u) => u.code));
    const start = selectedAncestors.findIndex((a) => rootCodes.has(a.code));
    if (start < 0) return;
    const chain = selectedAncestors.slice(start).map((a) => a.code);
    let cancelled = false;
    void (async () => {
      try {
        for (const code of chain) {
          if (cancelled) return;
          if (!children[code]) await loadChildren(code);
        }
        if (cancelled) return;
        setExpanded((prev) => Array.from(new Set([...prev, ...chain])));
        scrollToSelected();
      } catch (err) {
        showError(err);
      }
    })();
    return () => {
      cancelled = true;
    };
    // `children` is only read as a cache here; re-running when it changes would loop.
  }, [roots.data, chainKey, loadChildren, showError, scrollToSelected]);

  const treeData = useMemo(() => {
    const build = (units: UnitSummary[]): TreeDataNode[] =>
      units.map((unit) => {
        const loaded = children[unit.code];
        return {
          key: unit.code,
          title: (
            <span data-testid="unit-node" data-code={unit.code}>
              {unitFullName(unit)}
            </span>
          ),
          isLeaf: isLeaf(unit) || (loaded !== undefined && loaded.length === 0),
          children: loaded && loaded.length > 0 ? build(loaded) : undefined,
        };
      });
    return build(roots.data ?? []);
  }, [roots.data, children]);

  const loadData: TreeProps['loadData'] = async (node) => {
    const code = String(node.key);
    if (children[code]) return;
    try {
      await loadChildren(code);
    } catch (err) {
      showError(err);
    }
  };

  let body;
  if (roots.isPending) body = <Spin style={{ display: 'block', margin: '40px auto' }} />;
  else if (roots.error) body = <ErrorResult error={roots.error} onRetry={() => void roots.refetch()} />;
  else if (treeData.length === 0) body = <Empty description={t('units.treeEmpty')} />;
  else
    body = (
      <Tree
        ref={treeRef as never}
        className="pcd-unit-tree"
        blockNode
        showLine={{ showLeafIcon: false }}
        height={height}
        treeData={treeData}
        loadData={loadData}
        loadedKeys={Object.keys(children)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(keys, info) => {
          // Clicking the selected node again should not clear the detail panel.
          const key = keys[0] ?? info.node.key;
          onSelect(String(key));
        }}
      />
    );

  return (
    <div ref={boxRef} data-testid="unit-tree" style={{ flex: 1, minHeight: 320 }}>
      {body}
    </div>
  );
}
