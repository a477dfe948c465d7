import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, saveLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <Select<Language>
      data-testid="language-switch"
      aria-label={t('lang.label')}
      value={current}
      variant="borderless"
      prefix={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      onChange={(lang) => {
        saveLanguage(lang);
        void i18n.changeLanguage(lang);
      }}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(`lang.${lang}`) }))}
    />
  );
}
