import { describe, expect, it } from '@jest/globals';
import { COLOR_PATTERN, colorForSlug, hslToHex } from './course-content-rules.js';

/** WCAG contrast of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe("a course's derived colour", () => {
  it('is the same for a slug every time, and differs between courses', () => {
    expect(colorForSlug('digital-security-refresher')).toBe(colorForSlug('digital-security-refresher'));
    expect(colorForSlug('digital-security-refresher')).toMatch(COLOR_PATTERN);
    const colours = new Set(['defenders-2027', 'defenders-2028', 'reprisals', 'paris-principles', 'wrhd-asia'].map(colorForSlug));
    expect(colours.size).toBeGreaterThanOrEqual(4);
  });

  it('keeps white text readable on every hue it can pick', () => {
    for (let hue = 0; hue < 360; hue++) expect(contrastWithWhite(hslToHex(hue, 0.35, 0.32))).toBeGreaterThanOrEqual(4.5);
  });

  it('is written as # and six lowercase hexadecimal digits', () => {
    expect(hslToHex(0, 0, 1)).toBe('#ffffff');
    expect(hslToHex(120, 1, 0.25)).toBe('#008000');
    expect(hslToHex(180, 0.35, 0.32)).toMatch(/^#[0-9a-f]{6}$/);
  });
});
