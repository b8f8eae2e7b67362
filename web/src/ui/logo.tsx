/**
 * Kapwa's mark: two circles that overlap, people who share what they carry ("kapwa": the self
 * shared with others). The same drawing is public/favicon.svg.
 */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="ui-logo-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0c5f65" />
      <circle cx="12.5" cy="16" r="7" fill="none" stroke="#ffffff" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="7" fill="none" stroke="#f2b544" strokeWidth="2.6" />
    </svg>
  );
}

/** The mark and the name; the name is real text, so it translates and reads aloud. */
export function Brand({ name }: { name: string }) {
  return (
    <span className="ui-brand">
      <LogoMark />
      <span className="ui-brand-name">{name}</span>
    </span>
  );
}
