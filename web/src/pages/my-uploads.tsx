import { useQuery } from '@apollo/client/react';
import { MediaAssetDocument } from '@kapwa/graphql';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MediaPlayer, MediaUpload } from '../app/media';

const LAST_KEY = 'kapwa.media.last';

function readLast(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

/** Profile → My uploads: try the upload control and the player (features wire them into their own pages). */
export function MyUploads() {
  const { t } = useTranslation('media');
  const [last, setLast] = useState(readLast);
  const { data } = useQuery(MediaAssetDocument, { variables: { id: last ?? '' }, skip: !last, fetchPolicy: 'cache-and-network' });
  const asset = data?.mediaAsset?.status === 'READY' ? data.mediaAsset : null;
  return (
    <section aria-labelledby="my-uploads-title" className="profile-section">
      <h2 id="my-uploads-title">{t('page.title')}</h2>
      <p>{t('page.intro')}</p>
      <Suspense fallback={null}>
        <MediaUpload
          purpose="RESOURCE"
          onReady={(ready) => {
            try {
              localStorage.setItem(LAST_KEY, ready.id);
            } catch {
              // Storage off: the player shows until the page is left.
            }
            setLast(ready.id);
          }}
        />
        {asset && (
          <>
            <h3>{t('page.last')}</h3>
            <MediaPlayer asset={asset} />
          </>
        )}
      </Suspense>
    </section>
  );
}
