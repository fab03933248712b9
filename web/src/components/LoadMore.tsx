// The button under a list that fetches its next page.
import { useTranslation } from 'react-i18next';

export function LoadMore({ onClick, busy = false }: { onClick: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--secondary" disabled={busy} onClick={onClick}>
      {busy ? t('common.working') : t('common.loadMore')}
    </button>
  );
}
