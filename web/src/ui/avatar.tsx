/**
 * Up to two letters of a name, for an avatar: "Maria Santos" → "MS", "Ana (pseudonym)" → "AP",
 * "ศิริพร" → "ศ". Words without a letter or digit ("—", "(2)") are skipped.
 */
export function initialsOf(name: string): string {
  const firsts = name
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((letter): letter is string => !!letter);
  const letters = firsts.length > 1 ? firsts[0]! + firsts[firsts.length - 1]! : (firsts[0] ?? '');
  return letters.toLocaleUpperCase() || '?';
}

const HUES = [172, 200, 28, 340, 95, 250, 12, 140];

function hueOf(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return HUES[Math.abs(hash) % HUES.length]!;
}

/**
 * A person as initials on a calm colour: never a photo, so nobody's face is shown by default (people at
 * risk use Kapwa). Decorative when the name is written beside it; otherwise pass `labelled`.
 */
export function Avatar({ name, seed, size = 'medium', labelled }: { name: string; seed?: string; size?: 'small' | 'medium' | 'large'; labelled?: boolean }) {
  return (
    <span
      className={`ui-avatar ui-avatar-${size}`}
      style={{ '--avatar-hue': hueOf(seed ?? name) } as React.CSSProperties}
      {...(labelled ? { role: 'img', 'aria-label': name } : { 'aria-hidden': true })}
    >
      {initialsOf(name)}
    </span>
  );
}
