import { useMutation } from '@apollo/client/react';
import { type CommunityPostFieldsFragment, EditCommunityPostDocument, HideCommunityPostDocument, ReportCommunityPostDocument } from '@kapwa/graphql';
import { formatInstant } from '@kapwa/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorsOf } from '../../../app/forms/api-errors';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { FormAlert } from '../../../ui/field';

interface Props {
  post: CommunityPostFieldsFragment;
  viewerId: string | null;
  /** The viewer moderates the space (Space.canModerate): hide and restore. */
  canModerate: boolean;
  locked: boolean;
  /** Written by someone else since the viewer last read the thread. */
  unread?: boolean;
  timeZone: string;
  language: string;
  onChanged(post: CommunityPostFieldsFragment): void;
  /** Where replies can be written: quoting puts the post, as a Markdown quote, in the reply box. */
  onQuote?(post: CommunityPostFieldsFragment): void;
}

function errorText(e: unknown): string {
  return apiErrorsOf(e)[0]?.message ?? String(e);
}

/**
 * One post: its author and time, "edited" when changed, its sanitized HTML (the only field drawn as
 * HTML: the API renders and sanitizes it). A hidden post says so; its moderators still read the text
 * and the reason, its author the reason. Edit for the author, Report for others, Hide/Restore for moderators.
 */
export function PostItem({ post, viewerId, canModerate, locked, unread = false, timeZone, language, onChanged, onQuote }: Props) {
  const { t } = useTranslation('community');
  const mine = viewerId === post.author.id;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.body);
  const [dialog, setDialog] = useState<'report' | 'hide' | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [edit, editing$] = useMutation(EditCommunityPostDocument);
  const [report, reporting$] = useMutation(ReportCommunityPostDocument);
  const [hide, hiding$] = useMutation(HideCommunityPostDocument);
  const heading = `post-${post.id}-author`;

  async function saveEdit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await edit({ variables: { postId: post.id, body: draft } });
      if (result.data) onChanged(result.data.editPost);
      setEditing(false);
      setMessage(null);
    } catch (e) {
      setMessage(errorText(e));
    }
  }

  async function sendReport(event: FormEvent) {
    event.preventDefault();
    try {
      await report({ variables: { postId: post.id, reason } });
      setDialog(null);
      setReason('');
      setStatus(t('post.reported'));
    } catch (e) {
      setMessage(errorText(e));
    }
  }

  async function setHidden(hidden: boolean, why: string | null) {
    try {
      const result = await hide({ variables: { postId: post.id, hidden, reason: why } });
      if (result.data) onChanged(result.data.hidePost);
      setDialog(null);
      setReason('');
    } catch (e) {
      setMessage(errorText(e));
    }
  }

  return (
    <article id={`post-${post.id}`} className={post.hidden ? 'community-post hidden-post' : 'community-post'} aria-labelledby={heading}>
      <header className="community-post-head">
        <h3 id={heading} className="community-post-author">{post.author.displayName}</h3>
        <time dateTime={post.createdAt}>{formatInstant(new Date(post.createdAt), timeZone, language)}</time>
        {unread && <Badge tone="highlight">{t('post.new')}</Badge>}
        {post.editedAt && <Badge>{t('post.edited')}</Badge>}
        {post.hidden && <Badge tone="danger">{t('post.hiddenBadge')}</Badge>}
      </header>
      {post.hidden && (
        <p className="hidden-note" role="note">
          {t('post.hidden')}
          {post.hiddenReason && ` ${t('post.hiddenReason', { reason: post.hiddenReason })}`}
        </p>
      )}
      {editing ? (
        <form onSubmit={saveEdit} className="community-edit">
          <label htmlFor={`edit-${post.id}`}>{t('post.editLabel')}</label>
          <textarea id={`edit-${post.id}`} rows={5} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <div className="community-actions">
            <Button type="submit" disabled={editing$.loading}>{t('post.save')}</Button>
            <Button variant="quiet" onClick={() => { setEditing(false); setDraft(post.body); }}>{t('post.cancel')}</Button>
          </div>
        </form>
      ) : (
        // The API renders Markdown and sanitizes the HTML it stores (api/src/platform/common/markdown.ts);
        // bodyHtml is the one field drawn as HTML, every other text is React text.
        post.bodyHtml && <div className="community-post-body prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      )}
      <FormAlert message={message} />
      {status && <p role="status" className="form-status">{status}</p>}
      {!editing && (
        <div className="community-actions">
          {onQuote && !post.hidden && post.body && (
            <Button size="small" variant="quiet" onClick={() => onQuote(post)} aria-label={t('post.quoteOf', { name: post.author.displayName })}>
              {t('post.quote')}
            </Button>
          )}
          {mine && !post.hidden && !locked && (
            <Button size="small" variant="secondary" onClick={() => { setDraft(post.body); setEditing(true); }}>
              {t('post.edit')}
            </Button>
          )}
          {!mine && viewerId && !post.hidden && (
            <Button size="small" variant="quiet" onClick={() => setDialog('report')} aria-label={t('post.reportOf', { name: post.author.displayName })}>
              {t('post.report')}
            </Button>
          )}
          {canModerate && !post.hidden && (
            <Button size="small" variant="danger" onClick={() => setDialog('hide')} aria-label={t('post.hideOf', { name: post.author.displayName })}>
              {t('post.hide')}
            </Button>
          )}
          {canModerate && post.hidden && (
            <Button size="small" variant="secondary" disabled={hiding$.loading} onClick={() => setHidden(false, null)} aria-label={t('post.restoreOf', { name: post.author.displayName })}>
              {t('post.restore')}
            </Button>
          )}
        </div>
      )}
      <Dialog open={dialog !== null} title={dialog === 'hide' ? t('post.hideTitle') : t('post.reportTitle')} onClose={() => setDialog(null)} closeLabel={t('post.cancel')}>
        <form onSubmit={dialog === 'hide' ? (e) => { e.preventDefault(); void setHidden(true, reason); } : sendReport}>
          <label htmlFor={`reason-${post.id}`}>{dialog === 'hide' ? t('post.hideReason') : t('post.reportReason')}</label>
          <textarea id={`reason-${post.id}`} rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" variant={dialog === 'hide' ? 'danger' : 'primary'} disabled={reporting$.loading || hiding$.loading}>
            {dialog === 'hide' ? t('post.hideConfirm') : t('post.reportConfirm')}
          </Button>
        </form>
      </Dialog>
    </article>
  );
}
