import { useTranslation } from 'react-i18next';

interface Props {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

export function Pager({ hasPrevious, hasNext, onPrevious, onNext }: Props) {
  const { t } = useTranslation('admin');
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label={t('paging.label')} className="actions">
      <button type="button" className="button-secondary" disabled={!hasPrevious} onClick={onPrevious}>
        {t('paging.previous')}
      </button>
      <button type="button" className="button-secondary" disabled={!hasNext} onClick={onNext}>
        {t('paging.next')}
      </button>
    </nav>
  );
}
