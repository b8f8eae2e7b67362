import type { ResourceCardFieldsFragment } from '@kapwa/graphql';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../app/language-names';
import { MediaAttachments } from '../../../app/media';
import { Badge } from '../../../ui/badge';
import { isWebLink } from '../resource-filter';

export type ResourceView = ResourceCardFieldsFragment;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * One resource: its title (a link opening in a new tab, or its file to play or download), description,
 * language, tags, countries and who added it. `onTag` makes each tag a button that filters by it;
 * `actions` (remove, approve…) go at the end.
 */
export function ResourceCard({ resource, language, onTag, actions, headingLevel = 2 }: {
  resource: ResourceView;
  language: string;
  onTag?: (tag: string) => void;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('resources');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `resource-${resource.id}`;
  const link = resource.kind === 'LINK' && isWebLink(resource.url);
  return (
    <article className="resource-card" aria-labelledby={headingId}>
      <Heading id={headingId} className="resource-title">
        {link ? (
          <a href={resource.url} target="_blank" rel="noopener noreferrer">
            {resource.title}
            <span className="visually-hidden"> {t('card.newTab')}</span>
          </a>
        ) : (
          resource.title
        )}
      </Heading>
      <p className="resource-meta">
        <Badge tone="neutral">{resource.kind === 'FILE' ? t('card.file') : t('card.link')}</Badge>{' '}
        <span lang={resource.language}>{languageName(resource.language, language)}</span>
        {resource.status !== 'PUBLISHED' && (
          <>
            {' '}
            <Badge tone={resource.status === 'REJECTED' ? 'danger' : 'highlight'}>{t(`status.${resource.status}`)}</Badge>
          </>
        )}
      </p>
      {resource.descriptionHtml.trim() && <div className="prose resource-description" dangerouslySetInnerHTML={{ __html: resource.descriptionHtml }} />}
      {resource.kind === 'FILE' && resource.file && (
        <Suspense fallback={<p>{t('app:loading')}</p>}>
          <MediaAttachments files={[resource.file]} label={t('card.fileOf', { title: resource.title })} />
        </Suspense>
      )}
      {link && <p className="resource-url">{hostOf(resource.url)}</p>}
      {resource.tags.length > 0 && (
        <ul className="resource-tags" aria-label={t('card.tags')}>
          {resource.tags.map((tag) => (
            <li key={tag}>
              {onTag ? (
                <button type="button" className="resource-tag" onClick={() => onTag(tag)} aria-label={t('card.filterByTag', { tag })}>
                  {tag}
                </button>
              ) : (
                <span className="resource-tag">{tag}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {resource.countries.length > 0 && (
        <p className="resource-countries">
          {t('card.countries', { countries: resource.countries.map((code) => countryName(code, language)).join(', ') })}
        </p>
      )}
      {resource.addedBy && <p className="resource-added-by">{t('card.addedBy', { name: resource.addedBy.displayName })}</p>}
      {resource.reviewReason && <p className="resource-review-reason">{t('card.declinedBecause', { reason: resource.reviewReason })}</p>}
      {actions && <div className="resource-actions">{actions}</div>}
    </article>
  );
}
