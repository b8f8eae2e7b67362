import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import type { MediaAssetView } from './media-upload';
import './media.css';

/**
 * Plays a READY asset: the low-bitrate rendition first (it starts quickly on a slow link and seeks by
 * Range requests), with "audio only" for links too slow for pictures, continuing from the same moment.
 * A picture shows as its thumbnail; a document is offered as a download.
 */
export default function MediaPlayer({ asset }: { asset: Pick<MediaAssetView, 'filename' | 'contentType' | 'url' | 'audioUrl' | 'thumbnailUrl'> }) {
  const { t } = useTranslation('media');
  const [audioOnly, setAudioOnly] = useState(false);
  const position = useRef(0);
  const remember = (event: { currentTarget: HTMLMediaElement }) => void (position.current = event.currentTarget.currentTime);
  const resumeAt = (event: { currentTarget: HTMLMediaElement }) => {
    if (position.current > 0) event.currentTarget.currentTime = position.current;
  };
  if (!asset.url) return null;
  if (asset.contentType.startsWith('image/')) {
    // A picture: its thumbnail, opening the full picture (both without the camera's metadata).
    return (
      <a className="media-picture" href={asset.url} target="_blank" rel="noreferrer">
        <img src={asset.thumbnailUrl ?? asset.url} alt={t('player.picture', { name: asset.filename })} loading="lazy" />
      </a>
    );
  }
  const isVideo = !!asset.thumbnailUrl;
  if (!isVideo && !asset.audioUrl) {
    return (
      <a className="media-download" href={asset.url} download={asset.filename}>
        {t('player.download', { name: asset.filename })}
      </a>
    );
  }
  return (
    <figure className="media-player">
      {isVideo && !audioOnly ? (
        // eslint-disable-next-line jsx-a11y/media-has-caption -- people's own recordings come without captions
        <video key="video" controls preload="metadata" playsInline poster={asset.thumbnailUrl ?? undefined} src={asset.url} aria-label={t('player.label', { name: asset.filename })} onTimeUpdate={remember} onLoadedMetadata={resumeAt} />
      ) : (
        // eslint-disable-next-line jsx-a11y/media-has-caption -- as above
        <audio key="audio" controls preload="metadata" src={asset.audioUrl ?? asset.url} aria-label={t('player.label', { name: asset.filename })} onTimeUpdate={remember} onLoadedMetadata={resumeAt} />
      )}
      <figcaption>
        <span className="media-player-name">{asset.filename}</span>
        {isVideo && asset.audioUrl && (
          <Button variant="secondary" size="small" aria-pressed={audioOnly} onClick={() => setAudioOnly(!audioOnly)}>
            {audioOnly ? t('player.videoAgain') : t('player.audioOnly')}
          </Button>
        )}
      </figcaption>
    </figure>
  );
}
