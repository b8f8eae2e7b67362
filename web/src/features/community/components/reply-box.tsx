import { useMutation } from '@apollo/client/react';
import { type CommunityPostFieldsFragment, ReplyToThreadDocument } from '@kapwa/graphql';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftStore } from '../../../app/draft-store';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { FormAlert } from '../../../ui/field';
import { mentionIdsIn } from '../mentions';
import { withQuote } from '../quote';
import { MentionTextarea } from './mention-textarea';

/** Unsent replies, kept on this device per person and thread (the platform's draft store). */
const replies = draftStore('reply');
/** The people picked from the suggestions for that reply (id → name), so a reload keeps its mentions too. */
const mentions = draftStore('reply-mentions');

function keptMentions(userId: string, threadId: string): Map<string, string> {
  try {
    const kept = JSON.parse(mentions.readDraft(userId, threadId)?.body ?? '[]') as unknown;
    return new Map(Array.isArray(kept) ? kept.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : []);
  } catch {
    return new Map();
  }
}

/** A post to quote in the reply: its Markdown quote, and when it was asked for (the same post twice is two asks). */
export interface ReplyQuote {
  text: string;
  asked: number;
}

/**
 * The reply box: what is typed is kept on this device at every keystroke, so a reload, a closed tab or a
 * dropped connection loses nothing; the text comes back when the thread is opened again, and is forgotten
 * once the server has the reply.
 */
export function ReplyBox({ threadId, spaceId, userId, quote, onPosted }: {
  threadId: string;
  spaceId: string;
  userId: string;
  /** Put into the box (under what is written) when it changes, and the box focused to write under it. */
  quote?: ReplyQuote | null;
  onPosted(post: CommunityPostFieldsFragment): void;
}) {
  const { t } = useTranslation('community');
  const [body, setBody] = useState(() => replies.readDraft(userId, threadId)?.body ?? '');
  const [kept, setKept] = useState(() => !!replies.readDraft(userId, threadId));
  const [picked] = useState(() => keptMentions(userId, threadId));
  const [message, setMessage] = useState<string | null>(null);
  const [send, { loading }] = useMutation(ReplyToThreadDocument);
  const form = useRef<HTMLFormElement>(null);
  const quoted = useRef<number | null>(null);

  function change(text: string) {
    setBody(text);
    setMessage(null);
    if (text) setKept(replies.keepDraft(userId, threadId, text, null));
    else replies.forgetDraft(userId, threadId, replies.readDraft(userId, threadId)?.body ?? '');
  }

  useEffect(() => {
    if (!quote || quoted.current === quote.asked) return;
    quoted.current = quote.asked;
    change(withQuote(body, quote.text));
    // After the box shows the quote: the caret goes under it, where the reply is written.
    requestAnimationFrame(() => {
      const box = form.current?.querySelector('textarea');
      if (!box) return;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
      box.scrollIntoView?.({ block: 'center' });
    });
  }, [quote]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent = body;
    if (!sent.trim()) {
      setMessage(t('reply.empty'));
      return;
    }
    try {
      const result = await send({ variables: { threadId, body: sent, mentionIds: mentionIdsIn(sent, picked) } });
      replies.forgetDraft(userId, threadId, sent);
      setBody((current) => (current === sent ? '' : current));
      setKept(false);
      picked.clear();
      mentions.forgetDraft(userId, threadId, mentions.readDraft(userId, threadId)?.body ?? '');
      if (result.data) onPosted(result.data.reply);
    } catch (e) {
      const error = apiErrorsOf(e)[0];
      setMessage(
        error?.code === 'NETWORK' || error?.code === 'SERVER'
          ? t('reply.offline')
          : error?.code === 'CONFLICT'
            ? t('reply.locked')
            : error?.code === 'TOO_MANY_REQUESTS'
              ? error.message
              : error?.code === 'BAD_USER_INPUT'
                ? error.message
                : t('reply.failed'),
      );
    }
  }

  return (
    <form ref={form} className="reply-box" onSubmit={submit} aria-labelledby="reply-heading">
      <h2 id="reply-heading">{t('reply.heading')}</h2>
      <label htmlFor="reply-body">{t('reply.label')}</label>
      <MentionTextarea
        id="reply-body"
        name="body"
        rows={5}
        spaceId={spaceId}
        value={body}
        onChange={change}
        onMention={(person) => {
          picked.set(person.id, person.displayName);
          mentions.keepDraft(userId, threadId, JSON.stringify([...picked]), null);
        }}
      />
      {body && kept && <p className="field-hint" data-testid="reply-kept">{t('reply.kept')}</p>}
      <FormAlert message={message} />
      <Button type="submit" disabled={loading}>
        {loading ? t('reply.sending') : t('reply.send')}
      </Button>
    </form>
  );
}
