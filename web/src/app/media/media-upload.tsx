import { useQuery } from '@apollo/client/react';
import { MediaAssetDocument, type MediaAssetQuery } from '@kapwa/graphql';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Upload } from 'tus-js-client';
import { readToken } from '../auth-token';
import { Button } from '../../ui/button';
import { FormAlert, StatusMessage } from '../../ui/field';
import { ProgressBar } from '../../ui/progress';
import { acceptFor, fileProblem, fileType, type MediaPurpose, speedOf } from './media-rules';
import { useFormat } from './format';
import './media.css';

export type MediaAssetView = NonNullable<MediaAssetQuery['mediaAsset']>;

/** Bytes per request: small enough that a slow link sees progress, large enough to keep requests few. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Back-off between tries after a dropped connection (tus-js-client tries again from the server's offset). */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000];
const POLL_MS = 2000;

type State =
  | { step: 'choose'; problem: string | null }
  | { step: 'sending'; name: string; sent: number; total: number; paused: boolean; retrying: boolean }
  | { step: 'processing'; id: string; name: string };

function hasInterruptedUpload(): boolean {
  try {
    return Object.keys(localStorage).some((key) => key.startsWith('tus::'));
  } catch {
    return false;
  }
}

/**
 * The one upload control for every feature: checks the file first, sends it by tus (resumable after a
 * dropped connection or a reload: choosing the same file again continues it), shows progress, speed and
 * time left, pauses and resumes, then follows processing until the file is READY (`onReady`) or failed.
 */
export default function MediaUpload({
  purpose,
  onUploaded,
  onReady,
  label,
}: {
  purpose: MediaPurpose;
  /** Every byte has arrived: the id is the MediaAsset's, usable (e.g. attached) while it is processed. */
  onUploaded?: (upload: { id: string; name: string; size: number; type: string }) => void;
  onReady?: (asset: MediaAssetView) => void;
  label?: string;
}) {
  const { t } = useTranslation('media');
  const format = useFormat();
  const inputId = useId();
  const [state, setState] = useState<State>({ step: 'choose', problem: null });
  const [interrupted] = useState(hasInterruptedUpload);
  const upload = useRef<Upload | null>(null);
  const samples = useRef<{ at: number; bytes: number }[]>([]);

  useEffect(() => () => void upload.current?.abort(), []);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = fileProblem(file, purpose);
    if (problem) {
      setState({
        step: 'choose',
        problem: problem.problem === 'size' ? t('upload.tooLarge', { limit: problem.limitMb }) : problem.problem === 'empty' ? t('upload.empty') : t('upload.wrongType'),
      });
      return;
    }
    samples.current = [];
    const tus = new Upload(file, {
      endpoint: '/uploads',
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      headers: { authorization: `Bearer ${readToken() ?? ''}` },
      metadata: { filename: file.name, filetype: fileType(file), purpose },
      // Remembered in localStorage by its fingerprint (name, type, size, date, endpoint): after a reload
      // the same file continues from the offset the server has; forgotten once the upload is whole.
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onShouldRetry: (error, _attempt, options) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = status === 0 || status === 409 || status === 423 || status >= 500;
        if (retry) setState((s) => (s.step === 'sending' ? { ...s, retrying: true } : s));
        return retry && (options.retryDelays?.length ?? 0) > 0;
      },
      onProgress: (sent, total) => {
        const now = Date.now();
        samples.current = [...samples.current.filter((sample) => now - sample.at < 8000), { at: now, bytes: sent }];
        setState((s) => (s.step === 'sending' ? { ...s, sent, total, retrying: false } : s));
      },
      onSuccess: () => {
        const id = (upload.current?.url ?? '').split('/').pop() ?? '';
        setState({ step: 'processing', id, name: file.name });
        onUploaded?.({ id, name: file.name, size: file.size, type: fileType(file) });
      },
      onError: (error) => {
        const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } }).originalResponse;
        const body = response?.getBody();
        setState({ step: 'choose', problem: response && response.getStatus() >= 400 && body ? t('upload.refused', { reason: body.trim() }) : t('upload.error') });
      },
    });
    upload.current = tus;
    setState({ step: 'sending', name: file.name, sent: 0, total: file.size, paused: false, retrying: false });
    void tus.findPreviousUploads().then((previous) => {
      if (previous.length) tus.resumeFromPreviousUpload(previous[0]);
      tus.start();
    });
  }

  function pause() {
    void upload.current?.abort();
    setState((s) => (s.step === 'sending' ? { ...s, paused: true, retrying: false } : s));
  }

  function resume() {
    samples.current = [];
    upload.current?.start();
    setState((s) => (s.step === 'sending' ? { ...s, paused: false } : s));
  }

  function cancel() {
    void upload.current?.abort(true);
    upload.current = null;
    setState({ step: 'choose', problem: null });
  }

  if (state.step === 'processing') return <Processing id={state.id} name={state.name} onReady={onReady} onAnother={() => setState({ step: 'choose', problem: null })} />;

  if (state.step === 'sending') {
    const speed = speedOf(samples.current);
    const left = speed && speed > 0 ? (state.total - state.sent) / speed : null;
    return (
      <div className="media-upload" aria-busy={!state.paused}>
        <ProgressBar
          value={state.total ? state.sent / state.total : 0}
          label={t('upload.progressLabel', { name: state.name })}
          valueText={t('upload.progressText', { sent: format.bytes(state.sent), total: format.bytes(state.total) })}
        />
        <p className="media-upload-figures">
          <span>{t('upload.progressText', { sent: format.bytes(state.sent), total: format.bytes(state.total) })}</span>
          {!state.paused && speed !== null && <span>{t('upload.speed', { speed: format.bytes(speed) })}</span>}
          {!state.paused && left !== null && <span>{t('upload.timeLeft', { time: format.duration(left) })}</span>}
        </p>
        <StatusMessage message={state.paused ? t('upload.paused') : state.retrying ? t('upload.waiting') : null} />
        <div className="media-upload-actions">
          {state.paused ? (
            <Button onClick={resume}>{t('upload.resume')}</Button>
          ) : (
            <Button variant="secondary" onClick={pause}>
              {t('upload.pause')}
            </Button>
          )}
          <Button variant="quiet" onClick={cancel}>
            {t('upload.cancel')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="media-upload">
      <FormAlert message={state.problem} />
      {interrupted && <p className="media-upload-note">{t('upload.resumeNote')}</p>}
      <label htmlFor={inputId} className="media-upload-choose">
        {label ?? t('upload.choose')}
      </label>
      <input id={inputId} type="file" accept={acceptFor(purpose)} onChange={choose} aria-describedby={`${inputId}-hint`} />
      <p id={`${inputId}-hint`} className="media-upload-hint">
        {purpose === 'GRANT_VIDEO' ? t('upload.hintVideo') : t('upload.hintAny')} {t('upload.privacy')}
      </p>
    </div>
  );
}

/** "Processing…" until the asset is READY or FAILED, asking the API every few seconds. */
function Processing({ id, name, onReady, onAnother }: { id: string; name: string; onReady?: (asset: MediaAssetView) => void; onAnother: () => void }) {
  const { t } = useTranslation('media');
  const { data, stopPolling } = useQuery(MediaAssetDocument, { variables: { id }, pollInterval: POLL_MS, fetchPolicy: 'network-only' });
  const asset = data?.mediaAsset;
  const settled = asset?.status === 'READY' || asset?.status === 'FAILED';
  const reported = useRef(false);
  useEffect(() => {
    if (!settled) return;
    stopPolling();
    if (asset.status === 'READY' && !reported.current) {
      reported.current = true;
      onReady?.(asset);
    }
  }, [settled, asset, stopPolling, onReady]);
  return (
    <div className="media-upload">
      <p className="media-upload-name">{name}</p>
      {asset?.status === 'FAILED' ? (
        <FormAlert message={t('upload.failed', { reason: asset.failureReason ?? '' })} />
      ) : (
        <StatusMessage message={asset?.status === 'READY' ? t('upload.ready') : t('upload.processing')} />
      )}
      {settled && (
        <Button variant="secondary" onClick={onAnother}>
          {t('upload.another')}
        </Button>
      )}
    </div>
  );
}
