import type { ReactNode } from 'react';

/** What a list says when it is really empty, with the one thing to do about it. */
export function EmptyState({ title, children, action, headingLevel = 2 }: { title: string; children?: ReactNode; action?: ReactNode; headingLevel?: 1 | 2 | 3 }) {
  const Heading = (['h1', 'h2', 'h3'] as const)[headingLevel - 1]!;
  return (
    <div className="ui-empty">
      <svg className="ui-empty-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <circle cx="24" cy="32" r="16" />
        <circle cx="40" cy="32" r="16" />
      </svg>
      <Heading className="ui-empty-title">{title}</Heading>
      {children && <div className="ui-empty-body">{children}</div>}
      {action && <div className="ui-empty-action">{action}</div>}
    </div>
  );
}
