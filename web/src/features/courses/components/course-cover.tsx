import { useState } from 'react';
import './course-cover.css';

export interface CoverImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

interface Props {
  /** Seeds the pattern, so a course always draws the same one. */
  id: string;
  /** The course's accent, '#rrggbb'. */
  color: string;
  cover?: CoverImage | null;
  /** `card`: a strip above a catalogue card; `hero`: the picture at the top of the course's page. */
  variant: 'card' | 'hero';
}

/**
 * A course's picture: its cover image, or, when it has none, a calm pattern drawn from its colour, here,
 * with nothing fetched. The box keeps its shape while the image loads, so nothing below it moves.
 * On a card the image is decorative (the card is a link named by the course's title; a description per
 * card would be read again and again); on the course's page it is described by its alt text.
 * An image that cannot be shown (a draft's cover, which the API gives only with a token an <img> does
 * not send, or a dropped connection) gives way to the pattern rather than a broken-image box.
 */
export function CourseCover({ id, color, cover, variant }: Props) {
  const className = `course-cover course-cover-${variant}`;
  const [failed, setFailed] = useState<string | null>(null);
  if (cover && failed !== cover.url) {
    return (
      <div className={className} style={coverColours(color)}>
        <img
          src={cover.url}
          alt={variant === 'card' ? '' : cover.alt}
          width={cover.width}
          height={cover.height}
          loading={variant === 'card' ? 'lazy' : 'eager'}
          decoding="async"
          onError={() => setFailed(cover.url)}
        />
      </div>
    );
  }
  return (
    <div className={className} style={coverColours(color)} aria-hidden="true">
      <CoverPattern seed={id} />
    </div>
  );
}

const FALLBACK = '#0c5f65';
const WHITE: Rgb = [255, 255, 255];
/** The dark palette's --surface (ui/tokens.css). */
const NIGHT: Rgb = [23, 31, 30];

type Rgb = [number, number, number];

function rgbOf(color: string): Rgb {
  const hex = /^#[0-9a-f]{6}$/i.test(color) ? color : FALLBACK;
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function mix(color: Rgb, base: Rgb, amount: number): string {
  const channel = (i: number) => Math.round(color[i]! * amount + base[i]! * (1 - amount));
  return `rgb(${channel(0)} ${channel(1)} ${channel(2)})`;
}

/**
 * The course's colour as four tints for each palette: from the page towards the colour. Worked out here
 * rather than with CSS color-mix(), which older phone browsers lack; the stylesheet picks the palette.
 */
export function coverColours(color: string): React.CSSProperties {
  const rgb = rgbOf(color);
  const steps = [0.14, 0.3, 0.5, 0.8];
  return Object.fromEntries(
    steps.flatMap((amount, index) => [
      [`--cover-light-${index}`, mix(rgb, WHITE, amount)],
      [`--cover-dark-${index}`, mix(rgb, NIGHT, amount * 0.85)],
    ]),
  ) as React.CSSProperties;
}

/** A small deterministic generator (mulberry32) from a string: the same course, the same drawing. */
function randomFrom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const W = 320;
const H = 180;

/** One of three quiet drawings (overlapping circles, soft waves, rings), placed by the seed. */
function CoverPattern({ seed }: { seed: string }) {
  const random = randomFrom(seed);
  const between = (low: number, high: number) => Math.round(low + random() * (high - low));
  const kind = Math.floor(random() * 3);
  let shapes;
  if (kind === 0) {
    const cx = between(90, 230);
    const cy = between(60, 120);
    const r = between(50, 70);
    shapes = (
      <>
        <circle className="cover-1" cx={between(0, W)} cy={between(0, H)} r={between(80, 120)} />
        <circle className="cover-2" cx={cx - r * 0.45} cy={cy} r={r} />
        <circle className="cover-3-line" cx={cx + r * 0.45} cy={cy} r={r} />
        <circle className="cover-3" cx={between(20, 300)} cy={between(20, 160)} r={between(5, 9)} />
      </>
    );
  } else if (kind === 1) {
    // A band from a soft wave at height y down to the bottom edge.
    const wave = (y: number, a: number) =>
      `M0 ${y} C${W / 6} ${y - a} ${W / 3} ${y + a} ${W / 2} ${y} S${(5 * W) / 6} ${y - a} ${W} ${y} L${W} ${H} L0 ${H} Z`;
    shapes = (
      <>
        <path className="cover-1" d={wave(between(50, 70), between(14, 26))} />
        <path className="cover-2" d={wave(between(95, 115), -between(12, 22))} />
        <path className="cover-3" d={wave(between(135, 150), between(8, 16))} />
      </>
    );
  } else {
    const cx = between(60, 260);
    const cy = between(40, 140);
    shapes = (
      <>
        {[110, 84, 58, 32].map((r, index) => (
          <circle key={r} className={index % 2 === 0 ? 'cover-1-line' : 'cover-2-line'} cx={cx} cy={cy} r={r} />
        ))}
        <circle className="cover-3" cx={cx} cy={cy} r={12} />
        <circle className="cover-2" cx={between(0, W)} cy={between(0, H)} r={between(14, 24)} />
      </>
    );
  }
  return (
    <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="xMidYMid slice" focusable="false">
      <rect className="cover-0" width={W} height={H} />
      {shapes}
    </svg>
  );
}
