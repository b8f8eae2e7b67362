import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useViewer } from '../app/use-viewer';
import { CommunityLinks } from '../features/community/components/community-links';
import { SearchResults } from '../features/community/components/search-results';
import { Button } from '../ui/button';
import { usePageTitle } from './use-page-title';
import '../features/community/community.css';

/** Search the community; the query is kept in the address (?q=), so a search can be shared and reloaded. */
export default function CommunitySearchPage() {
  const { t } = useTranslation('community');
  const { timeZone, language } = useViewer();
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const [text, setText] = useState(query);
  usePageTitle(t('search.title'));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = text.trim();
    setParams(next ? { q: next } : {});
  }

  return (
    <section aria-labelledby="page-title" className="community-page">
      <h1 id="page-title">{t('search.title')}</h1>
      <CommunityLinks withSpaces />
      <form role="search" onSubmit={submit} className="community-search-form">
        <label htmlFor="community-query">{t('search.label')}</label>
        <input id="community-query" type="search" name="q" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        <Button type="submit">{t('search.submit')}</Button>
      </form>
      {query && <SearchResults query={query} timeZone={timeZone} language={language} />}
    </section>
  );
}
