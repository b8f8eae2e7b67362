import { describe, expect, it } from '@jest/globals';
import { csvRow, singleLine } from './output-text.js';

describe('text leaving in line-based formats', () => {
  it('is one line whatever line breaks or control characters it held', () => {
    expect(singleLine('Orientation\r\nEND:VEVENT\u2028URL:x\u0085y\tz\u0000')).toBe('Orientation END:VEVENT URL:x y z ');
    expect(singleLine('Café — ok')).toBe('Café — ok');
  });

  it('is a CSV record whose cells stay cells and never run as spreadsheet formulas', () => {
    expect(csvRow(['Ana "Ani" Reyes', '=HYPERLINK("https://phish.example")', 'two\r\nlines', 3, null])).toBe(
      `"Ana ""Ani"" Reyes","'=HYPERLINK(""https://phish.example"")","two\r\nlines","3",\r\n`,
    );
    expect(csvRow(['-1 + 2', '@SUM(A1)', '+1'])).toBe(`"'-1 + 2","'@SUM(A1)","'+1"\r\n`);
  });
});
