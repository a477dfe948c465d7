import { EditOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { HouseholdStateTag } from './HouseholdStateTag';
import { householdText } from './labels';
import type { SweepHousehold } from './types';

interface Props {
  households: SweepHousehold[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  visitLink?: (h: SweepHousehold) => string;
}

/** A team member's work list, read on a phone while walking the village: one card per house, one big button. */
export function HouseholdCards({ households, total, loading, page, pageSize, onPage, visitLink }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (!households.length) {
    return loading ? <Spin style={{ display: 'block', margin: 24 }} /> : <Empty description={t('sweeps.households.emptyMine')} data-testid="sweep-households-empty" />;
  }
  return (
    <Flex vertical gap={12} data-testid="sweep-households">
      <Typography.Text type="secondary" data-testid="sweep-households-total">
        {t('common.totalItems', { total })}
      </Typography.Text>
      {households.map((h) => (
        <Card key={h.householdId} size="small" data-testid="sweep-household-row" data-id={h.householdId}>
          <Flex vertical gap={6}>
            <Typography.Text strong data-testid="sweep-household-name">
              {householdText(t, h)}
            </Typography.Text>
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {[h.address, h.unitName].filter(Boolean).join(', ')}
            </Typography.Text>
            <div>
              <HouseholdStateTag household={h} />
            </div>
            {visitLink && (
              <Button type="primary" block icon={<EditOutlined />} onClick={() => navigate(visitLink(h))} data-testid="sweep-household-visit">
                {t('sweeps.households.record')}
              </Button>
            )}
          </Flex>
        </Card>
      ))}
      {total > pageSize && <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ alignSelf: 'center' }} />}
    </Flex>
  );
}
