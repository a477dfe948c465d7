import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Case } from './types';

const ICONS = {
  met: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  unmet: <CloseCircleTwoTone twoToneColor="#cf1322" />,
  unknown: <QuestionCircleTwoTone twoToneColor="#faad14" />,
};

/** The home-treatment verdict with each criterion of the rule set, as the server computed it. */
export function Eligibility({ value }: { value: Case['homeTreatment'] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Alert
        type={value.eligible ? 'success' : 'warning'}
        showIcon
        title={value.eligible ? t('cases.detail.eligible') : t('cases.detail.notEligible')}
        data-testid="case-eligibility"
        style={{ marginBottom: 8 }}
      />
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="case-eligibility-reasons">
        {value.reasons.map((r) => (
          <li key={r.criterion} data-outcome={r.outcome} style={{ padding: '4px 0' }}>
            {ICONS[r.outcome]} <span style={{ marginLeft: 8 }}>{i18n.language === 'en' ? r.messageEn : r.message}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
