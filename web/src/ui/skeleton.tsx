/** Grey shapes where content is loading; `label` is what a screen reader hears instead. */
export function Skeleton({ lines = 3, label, block }: { lines?: number; label: string; block?: boolean }) {
  return (
    <div className="ui-skeleton" role="status">
      <span className="visually-hidden">{label}</span>
      {block && <span className="ui-skeleton-block" aria-hidden="true" />}
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="ui-skeleton-line" aria-hidden="true" style={{ width: `${index === lines - 1 ? 60 : 100 - index * 7}%` }} />
      ))}
    </div>
  );
}
