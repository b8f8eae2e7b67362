import { useMutation } from '@apollo/client/react';
import { type CommunityPostFieldsFragment, ReplyToThreadDocument } from '@kapwa/graphql';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftStore } from '../../../app/draft-store';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Button } from '../../../ui/button';
import { FormAlert } from '../../../ui/field';
import { mentionIdsIn } from '../mentions';
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

/**
 * The reply box: what is typed is kept on this device at every keystroke, so a reload, a closed tab or a
 * dropped connection loses nothing; the text comes back when the thread is opened again, and is forgotten
 * once the server has the reply.
 */
export function ReplyBox({ threadId, spaceId, userId, onPosted }: { threadId: string; spaceId: string; userId: string; onPosted(post: CommunityPostFieldsFragment): void }) {
  const { t } = useTranslation('community');
  const [body, setBody] = useState(() => replies.readDraft(userId, threadId)?.body ?? '');
  const [kept, setKept] = useState(() => !!replies.readDraft(userId, threadId));
  const [picked] = useState(() => keptMentions(userId, threadId));
  const [message, setMessage] = useState<string | null>(null);
  const [send, { loading }] = useMutation(ReplyToThreadDocument);

  function change(text: string) {
    setBody(text);
    setMessage(null);
    if (text) setKept(replies.keepDraft(userId, threadId, text, null));
    else replies.forgetDraft(userId, threadId, replies.readDraft(userId, threadId)?.body ?? '');
  }

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
    <form className="reply-box" onSubmit={submit} aria-labelledby="reply-heading">
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
