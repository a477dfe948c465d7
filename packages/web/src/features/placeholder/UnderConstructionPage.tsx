/**
 * Shown for capabilities that are not in service yet — never with sample figures.
 * Test ids: under-construction (data-capability = nav key).
 */
import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { NavKey } from '../../layout/navigation';

export default function UnderConstructionPage({ capability }: { capability: NavKey }) {
  const { t } = useTranslation();
  const name = t(`nav.${capability}`);
  return (
    <Card data-testid="under-construction" data-capability={capability}>
      <Result
        icon={<ToolOutlined style={{ color: '#0b5cad' }} />}
        title={t('placeholder.title')}
        subTitle={t('placeholder.description', { name })}
        extra={
          <Link to="/">
            <Button>{t('common.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
