import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'highlight' | 'success' | 'danger';

/** A short label; its words carry the meaning, the tone only repeats it. */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={['ui-badge', `ui-badge-${tone}`, className ?? ''].filter(Boolean).join(' ')}>{children}</span>;
}
