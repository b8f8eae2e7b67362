import { useEffect, useRef, useState } from 'react';
import { DraftSync, type DraftSyncOptions, type ServerText, type Snapshot } from '../draft-sync';

type Options = Omit<DraftSyncOptions, 'onChange'>;

/**
 * The editor's text and save state, driven by DraftSync (see draft-sync.ts). Leaving the page (another
 * route, a hidden tab, closing it) sends what is unsent; whatever does not arrive stays kept on the device.
 */
export function useDraftSync(server: ServerText | null, options: Options) {
  // The latest functions, so a re-render with new closures reaches the running sync.
  const latest = useRef(options);
  latest.current = options;
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [sync] = useState(
    () =>
      new DraftSync(server, {
        userId: options.userId,
        assignmentId: options.assignmentId,
        debounceMs: options.debounceMs,
        online: options.online,
        now: options.now,
        save: (body, version) => latest.current.save(body, version),
        fetchCurrent: () => latest.current.fetchCurrent(),
        onChange: setSnapshot,
      }),
  );

  useEffect(() => {
    const stop = sync.start();
    const onHide = () => {
      if (document.visibilityState === 'hidden') void sync.flush();
    };
    const onPageHide = () => void sync.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void sync.flush();
      stop();
    };
  }, [sync]);

  return { sync, ...(snapshot ?? sync.snapshot()) };
}
