import { useTranslation } from 'react-i18next';
import { Layout } from '../components/Layout';
import { Link } from '../router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Layout>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </Layout>
  );
}
