/**
 * Text on its way out in a line-based format (iCalendar, email headers, CSV). Stored text may predate
 * today's input rules, and a line break in the wrong place starts a line of the attacker's choosing,
 * so each format's boundary makes text safe itself rather than trusting how it was written.
 */

/** Line breaks (CR, LF, NEL, U+2028/9) and every other control character. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** The text as one line: each run of line breaks or other control characters becomes one space. */
export function singleLine(text: string): string {
  return text.replace(CONTROLS, ' ');
}

/** Characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180), the way every CSV export writes its cells: always quoted, quotes doubled,
 * and a leading formula character neutralised with an apostrophe so a spreadsheet shows the text
 * rather than running it.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One CSV record, CRLF-terminated. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
