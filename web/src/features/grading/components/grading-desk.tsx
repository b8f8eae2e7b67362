import { useQuery } from '@apollo/client/react';
import { GradingQueueDocument } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { Field } from '../../../ui/field';
import { QueryError } from '../../../ui/query-error';
import { Skeleton } from '../../../ui/skeleton';
import { FadingStatus } from '../../../ui/status';
import { GradeForm } from './grade-form';
import { SubmissionView } from './submission-view';
import { useQueueKeys } from '../hooks/use-queue-keys';
import { useWhoOf } from '../hooks/use-who-of';

interface Props {
  courseId: string;
  courseLanguage: string;
  /** The course's enrolment groups, to filter the queue by. */
  groups: string[];
  /** The grader's zone and language. */
  timeZone: string;
  language: string;
}

/** Oldest first, whatever order the list arrives in. */
export function oldestFirst<T extends { submittedAt?: string | null; id: string }>(queue: readonly T[]): T[] {
  return [...queue].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id));
}

/** The one after `id` in the list (or the one before, at the end): where the grader goes once it is graded. */
export function nextAfter(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id);
  if (index < 0) return ids[0] ?? null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}

/**
 * The grading queue beside the work chosen in it: submitted, ungraded work, oldest first, filterable by
 * group. j/k or Alt+↓/↑ (and the Previous/Next buttons) move through it; a save moves on to the next.
 */
export function GradingDesk({ courseId, courseLanguage, groups, timeZone, language }: Props) {
  const { t } = useTranslation('grading');
  const [group, setGroup] = useState('');
  const { data, loading, error, refetch } = useQuery(GradingQueueDocument, {
    variables: { courseId, group: group || null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  const queue = oldestFirst(data?.gradingQueue ?? []);
  const ids = queue.map((s) => s.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const [status, setStatus] = useState<{ message: string; stamp: number } | null>(null);
  const selected = queue.find((s) => s.id === chosen) ?? queue[0] ?? null;
  const index = selected ? ids.indexOf(selected.id) : -1;
  const focusNext = useRef(false);

  // A move (key, button, or a save) puts focus on the chosen work's heading, so it is heard and Tab goes on into it.
  useEffect(() => {
    if (!focusNext.current || !selected) return;
    focusNext.current = false;
    document.getElementById(`submission-${selected.id}-heading`)?.focus();
  }, [selected]);

  function go(id: string | null) {
    if (!id) return;
    focusNext.current = true;
    setChosen(id);
  }
  const previous = () => go(index > 0 ? ids[index - 1] : null);
  const next = () => go(index >= 0 && index < ids.length - 1 ? ids[index + 1] : null);
  useQueueKeys({ next, previous });

  const whoOf = useWhoOf();

  async function done(message: string) {
    if (!selected) return;
    setStatus({ message, stamp: Date.now() });
    const after = nextAfter(ids, selected.id);
    focusNext.current = true;
    setChosen(after);
    await refetch();
  }

  return (
    <div className="grading-desk">
      <section className="grading-queue" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('queue.heading')}</h2>
        {groups.length > 0 && (
          <Field form="queue" name="group" label={t('queue.filter')}>
            {(control) => (
              <select {...control} value={group} onChange={(e) => setGroup(e.target.value)}>
                <option value="">{t('queue.allGroups')}</option>
                {groups.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <p role="status" data-testid="queue-count">
          {data ? t('queue.count', { count: queue.length }) : ''}
        </p>
        {loading && !data ? (
          <Skeleton label={t('app:loading')} />
        ) : error ? (
          <QueryError error={error} />
        ) : (
          <ol className="queue-list" aria-labelledby="queue-heading">
            {queue.map((s) => (
              <li key={s.id}>
                <button type="button" className={s.id === selected?.id ? 'queue-item queue-item-current' : 'queue-item'}
                  aria-current={s.id === selected?.id ? 'true' : undefined} onClick={() => go(s.id)}>
                  <span className="queue-who">{whoOf(s)}</span>
                  <span className="small" lang={courseLanguage}>
                    {s.assignment.title}
                  </span>
                  <span className="small">
                    {s.submittedAt ? formatInstant(new Date(s.submittedAt), timeZone, language) : ''} {s.late && <Badge tone="danger">{t('queue.late')}</Badge>}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
        <p className="small">{t('queue.keys')}</p>
      </section>
      <div className="grading-work">
        {selected ? (
          <>
            <nav className="actions grading-steps" aria-label={t('queue.steps')}>
              <Button variant="secondary" size="small" disabled={index <= 0} onClick={previous} aria-keyshortcuts="k Alt+ArrowUp">
                {t('queue.previous')}
              </Button>
              <span className="small">{t('queue.position', { index: index + 1, count: queue.length })}</span>
              <Button variant="secondary" size="small" disabled={index >= queue.length - 1} onClick={next} aria-keyshortcuts="j Alt+ArrowDown">
                {t('queue.next')}
              </Button>
            </nav>
            <SubmissionView submission={selected} who={whoOf(selected)} timeZone={timeZone} language={language} courseLanguage={courseLanguage} />
            <GradeForm key={selected.id} submission={selected} who={whoOf(selected)} language={language} courseLanguage={courseLanguage}
              onDone={(message) => void done(message)} onReload={() => void refetch()} />
          </>
        ) : (
          data && (
            <EmptyState title={t('queue.emptyTitle')}>
              <p>{t('queue.emptyHint')}</p>
            </EmptyState>
          )
        )}
        <FadingStatus message={status?.message ?? null} stamp={status?.stamp} seconds={8} />
      </div>
    </div>
  );
}
