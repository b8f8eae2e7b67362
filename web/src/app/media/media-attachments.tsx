import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { useFormat } from './format';
import MediaPlayer from './media-player';
import type { MediaAssetView } from './media-upload';
import './media.css';

export type AttachmentView = Pick<MediaAssetView, 'id' | 'filename' | 'contentType' | 'sizeBytes' | 'status' | 'url' | 'audioUrl' | 'thumbnailUrl'> &
  Partial<Pick<MediaAssetView, 'failureReason'>>;

/**
 * Files attached to something (a submission): each one that is ready plays in the player (video, sound)
 * or downloads (a document); the others say where they are (uploading, processing, failed and why).
 * With `onRemove`, each has a Remove button naming its file.
 */
export default function MediaAttachments({ files, onRemove, label }: { files: readonly AttachmentView[]; onRemove?: (id: string) => void; label: string }) {
  const { t } = useTranslation('media');
  const format = useFormat();
  return (
    <ul className="media-attachments" aria-label={label}>
      {files.map((file) => (
        <li key={file.id} className="media-attachment">
          {file.status === 'READY' && file.url ? (
            <MediaPlayer asset={file} />
          ) : (
            <p className="media-attachment-name">
              <span>{file.filename}</span>{' '}
              {file.status === 'FAILED' ? (
                <Badge tone="danger">{t('attachments.failed')}</Badge>
              ) : (
                file.status !== 'READY' && <Badge tone="neutral">{file.status === 'UPLOADING' ? t('attachments.uploading') : t('attachments.processing')}</Badge>
              )}
            </p>
          )}
          {file.status === 'FAILED' && file.failureReason && <p className="media-attachment-reason">{file.failureReason}</p>}
          <p className="media-attachment-meta">
            <span>{format.bytes(file.sizeBytes)}</span>
            {onRemove && (
              <Button variant="quiet" size="small" onClick={() => onRemove(file.id)} aria-label={t('attachments.removeNamed', { name: file.filename })}>
                {t('attachments.remove')}
              </Button>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
