import { useEffect, useState } from 'react';

/**
 * A status message that is announced politely and fades after `seconds`, so "Module added" does not
 * linger beside the next thing a trainer does. A new message (or the same one again: pass a new `stamp`)
 * shows again. Errors are not status: they stay until fixed (see FormAlert).
 */
export function FadingStatus({ message, stamp, seconds = 5 }: { message: string | null; stamp?: number; seconds?: number }) {
  const [shown, setShown] = useState(message);
  useEffect(() => {
    setShown(message);
    if (!message) return;
    const timer = setTimeout(() => setShown(null), seconds * 1000);
    return () => clearTimeout(timer);
  }, [message, stamp, seconds]);
  return (
    <p role="status" className={shown ? 'ui-toast' : 'ui-toast ui-toast-gone'}>
      {shown}
    </p>
  );
}
