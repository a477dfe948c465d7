import { Alert, App, Button, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useShowError } from '../../api/useShowError';
import { useDismissDuplicate, usePerson } from './api';
import { birthText } from './labels';
import { MergeDialog } from './MergeDialog';
import type { DuplicateRef, PersonDetail } from './types';

function Candidate({ person, dup, canWrite, onMerge }: { person: PersonDetail; dup: DuplicateRef; canWrite: boolean; onMerge: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const other = usePerson(dup.personId);
  const dismiss = useDismissDuplicate();
  const o = other.data;
  const facts = o ? [birthText(o), o.idNumber, o.phone, o.unitName, o.address].filter(Boolean).join(' · ') : '';
  return (
    <List.Item
      data-testid="person-duplicate"
      data-id={String(dup.personId)}
      actions={
        canWrite
          ? [
              <Button key="merge" type="primary" size="small" onClick={onMerge} data-testid="person-duplicate-merge">
                {t('people.duplicates.merge')}
              </Button>,
              <Popconfirm
                key="dismiss"
                title={t('people.duplicates.confirmDismiss')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  try {
                    await dismiss.mutateAsync(dup.duplicateId);
                    void message.success(t('people.duplicates.dismissed'));
                  } catch (err) {
                    showError(err);
                  }
                }}
              >
                <Button size="small" loading={dismiss.isPending} data-testid="person-duplicate-dismiss">
                  {t('people.duplicates.dismiss')}
                </Button>
              </Popconfirm>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={<Link to={`/people/${dup.personId}`}>{o ? `${o.fullName} (${t('people.merge.record', { id: o.id })})` : t('people.merge.record', { id: dup.personId })}</Link>}
        description={other.error ? other.error.message : facts || (other.isPending ? t('common.loading') : person.fullName)}
      />
    </List.Item>
  );
}

/** The records flagged as possibly the same person as this one, each with merge and dismiss. */
export function DuplicateCandidates({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [merging, setMerging] = useState<number | null>(null);
  if (person.probableDuplicates.length === 0) {
    return <Typography.Text type="secondary">{t('people.detail.noDuplicates')}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('people.duplicates.intro')} />
      <List
        data-testid="person-duplicates"
        dataSource={person.probableDuplicates}
        rowKey="duplicateId"
        renderItem={(dup) => <Candidate person={person} dup={dup} canWrite={canWrite} onMerge={() => setMerging(dup.personId)} />}
      />
      {merging !== null && (
        <MergeDialog
          open
          ids={[person.id, merging]}
          onClose={() => setMerging(null)}
          onMerged={(kept) => {
            if (kept.id !== person.id) navigate(`/people/${kept.id}`, { replace: true });
          }}
        />
      )}
    </Space>
  );
}
