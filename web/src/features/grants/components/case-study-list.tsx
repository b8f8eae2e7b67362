import type { CaseStudiesQuery } from '@kapwa/graphql';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaPlayer } from '../../../app/media';
import { Card } from '../../../ui/card';
import { EmptyState } from '../../../ui/empty-state';
import { countryName } from '../grant-rules';

/** Awarded projects whose organizations agreed to show them: what they did, where, and their film. */
export function CaseStudyList({ caseStudies, language }: { caseStudies: CaseStudiesQuery['caseStudies']; language: string }) {
  const { t } = useTranslation('grants');
  if (caseStudies.length === 0) {
    return (
      <EmptyState title={t('caseStudies.emptyTitle')}>
        <p>{t('caseStudies.emptyHint')}</p>
      </EmptyState>
    );
  }
  return (
    <ul className="grant-case-studies">
      {caseStudies.map((study) => (
        <Card as="li" key={study.id} className="grant-case-study" aria-labelledby={`case-${study.id}`}>
          <h2 id={`case-${study.id}`}>{study.title}</h2>
          <p className="grant-meta">
            {study.organizationName} · {countryName(study.country, language)} · {study.callTitle}
          </p>
          {study.video?.url && (
            <Suspense fallback={null}>
              <MediaPlayer asset={study.video} />
            </Suspense>
          )}
          <p className="grant-plain">{study.summary}</p>
        </Card>
      ))}
    </ul>
  );
}
