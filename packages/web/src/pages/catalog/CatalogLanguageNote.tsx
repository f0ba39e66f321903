import { Typography } from 'antd';
import { useI18n } from '../../i18n';

/**
 * In English, says why criterion and indicator names stay Vietnamese: they are quoted from the
 * official criteria sets, which are legal texts and have no official translation.
 */
export function CatalogLanguageNote() {
  const { t, language } = useI18n();
  if (language === 'vi') return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="catalog-language-note">
      {t('catalog.languageNote')}
    </Typography.Text>
  );
}
