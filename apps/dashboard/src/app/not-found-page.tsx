import { Link } from 'react-router';
import { t } from '../i18n/i18n';

export function NotFoundPage() {
  return (
    <section className="page-message">
      <h2>{t('notFound.title')}</h2>
      <p>
        {t('notFound.text')} <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
