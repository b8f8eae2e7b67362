/**
 * What a person may type into names and titles, and into longer text. One rule for the API (which
 * enforces it) and the web app (which says it before sending).
 *
 * Names and titles are shown to other people in lists, emails, calendars and certificates, so they must
 * not lie about what they are: no control characters or line breaks, no bidirectional overrides or
 * isolates ("evil\u202Egnp.exe" shows as "evilexe.png"), and at least one character a reader can see.
 */

/** PostgreSQL cannot store NUL in text, nor half of a UTF-16 surrogate pair (invalid UTF-8). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 control characters, line breaks among them. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** Controls allowed in longer text: tab and line breaks. */
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides, isolates and marks. Joiners (U+200C, U+200D) stay: scripts need them. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** A letter, digit, punctuation mark or symbol: something a reader sees, not only spaces or combining marks. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Text as it is stored: Unicode NFC (so "é" typed two ways is one name), without surrounding spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim();
}

/** Why a text cannot be stored at all, or null. Applies to every string the API receives. */
export function unstorableTextProblem(text: string): string | null {
  return UNSTORABLE.test(text) ? 'This text contains a character that cannot be stored (NUL or a broken character). Type or paste it again.' : null;
}

/** Why a name or title is refused, or null when it is fine. Call on the normalized text. */
export function singleLineTextProblem(text: string): string | null {
  const unstorable = unstorableTextProblem(text);
  if (unstorable) return unstorable;
  if (CONTROL.test(text)) return 'Use one line of text, without line breaks or control characters.';
  if (BIDI_CONTROL.test(text)) return 'Remove the invisible direction-changing characters from this text.';
  if (!VISIBLE.test(text)) return 'Use at least one visible letter, number or sign.';
  return null;
}

/** Why a longer text (a summary, a comment, Markdown) is refused, or null. Line breaks and tabs are fine. */
export function multiLineTextProblem(text: string): string | null {
  const unstorable = unstorableTextProblem(text);
  if (unstorable) return unstorable;
  if (CONTROL_EXCEPT_LAYOUT.test(text)) return 'Remove the control characters from this text.';
  if (BIDI_CONTROL.test(text)) return 'Remove the invisible direction-changing characters from this text.';
  return null;
}
