/**
 * A post quoted in Markdown: a line naming its author, then its text as a blockquote (quotes inside it
 * nest one level deeper), then an empty line to write under. The server renders and sanitizes it like any
 * post, so a quote carries nothing a post could not.
 */
export function quoteMarkdown(intro: string, body: string): string {
  const lines = body.trim().split(/\r?\n/).map((line) => (line ? `> ${line}` : '>'));
  return `> ${intro}\n>\n${lines.join('\n')}\n\n`;
}

/** `quote` added to what is already written: after it, on a line of its own. */
export function withQuote(written: string, quote: string): string {
  if (!written.trim()) return quote;
  return `${written.replace(/\s*$/, '')}\n\n${quote}`;
}
