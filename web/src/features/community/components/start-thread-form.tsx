import { useMutation } from '@apollo/client/react';
import { StartCommunityThreadDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { draftStore } from '../../../app/draft-store';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { FormAlert } from '../../../ui/field';
import { mentionIdsIn } from '../mentions';
import { MentionTextarea } from './mention-textarea';

/** Threads not started yet, kept on this device per person and space (the platform's draft store). */
const threads = draftStore('thread');

interface ThreadDraft {
  title: string;
  body: string;
}

function keptThread(userId: string, spaceId: string): ThreadDraft | null {
  try {
    const kept = JSON.parse(threads.readDraft(userId, spaceId)?.body ?? 'null') as Partial<ThreadDraft> | null;
    return kept && typeof kept.title === 'string' && typeof kept.body === 'string' ? { title: kept.title, body: kept.body } : null;
  } catch {
    return null;
  }
}

/**
 * A new thread: a title and a Markdown opening post, with @mentions; opens the thread once started.
 * What is typed is kept on this device, like a reply, until the thread is started.
 */
export function StartThreadForm({ spaceId, userId }: { spaceId: string; userId: string }) {
  const { t } = useTranslation('community');
  const navigate = useNavigate();
  const [title, setTitleState] = useState(() => keptThread(userId, spaceId)?.title ?? '');
  const [body, setBodyState] = useState(() => keptThread(userId, spaceId)?.body ?? '');
  const [kept, setKept] = useState(() => keptThread(userId, spaceId) !== null);

  function keep(next: ThreadDraft) {
    if (next.title || next.body) setKept(threads.keepDraft(userId, spaceId, JSON.stringify(next), null));
    else threads.forgetDraft(userId, spaceId, threads.readDraft(userId, spaceId)?.body ?? '');
  }
  const setTitle = (next: string) => {
    setTitleState(next);
    keep({ title: next, body });
  };
  const setBody = (next: string) => {
    setBodyState(next);
    keep({ title, body: next });
  };
  const [picked] = useState(() => new Map<string, string>());
  const [errors, setErrors] = useState<{ title?: string; body?: string; form?: string }>({});
  const [start, { loading }] = useMutation(StartCommunityThreadDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (title.trim().length < 3) found.title = t('start.titleTooShort');
    if (!body.trim()) found.body = t('reply.empty');
    setErrors(found);
    if (found.title || found.body) return;
    try {
      const result = await start({ variables: { spaceId, title, body, mentionIds: mentionIdsIn(body, picked) } });
      threads.forgetDraft(userId, spaceId, JSON.stringify({ title, body }));
      if (result.data) navigate(`/community/threads/${result.data.startThread.id}`);
    } catch (e) {
      const error = apiErrorsOf(e)[0];
      if (error?.code === 'BAD_USER_INPUT' && (error.field === 'title' || error.field === 'body')) setErrors({ [error.field]: error.message });
      else setErrors({ form: error?.message ?? t('reply.failed') });
    }
  }

  return (
    <form className="start-thread" onSubmit={submit} aria-labelledby="start-heading" noValidate>
      <h2 id="start-heading">{t('start.heading')}</h2>
      <div className="field">
        <label htmlFor="thread-title">{t('start.title')}</label>
        <input id="thread-title" name="title" value={title} maxLength={200} aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? 'thread-title-error' : undefined} onChange={(e) => setTitle(e.target.value)} />
        {errors.title && <p id="thread-title-error" className="field-error">{errors.title}</p>}
      </div>
      <div className="field">
        <label htmlFor="thread-body">{t('start.body')}</label>
        <MentionTextarea id="thread-body" name="body" rows={6} spaceId={spaceId} value={body} onChange={setBody} onMention={(person) => picked.set(person.id, person.displayName)} aria-invalid={errors.body ? true : undefined} />
        {errors.body && <p className="field-error">{errors.body}</p>}
      </div>
      {(title || body) && kept && <p className="field-hint">{t('reply.kept')}</p>}
      <FormAlert message={errors.form ?? null} />
      <Button type="submit" disabled={loading}>{t('start.submit')}</Button>
    </form>
  );
}
