import { Fragment } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/** The text an HTML-escaped run stands for ("&lt;b&gt;" → "<b>"); React escapes it again when drawing. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+|#39);/gi, (whole, name: string) => {
    if (ENTITIES[name.toLowerCase()] !== undefined) return ENTITIES[name.toLowerCase()];
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (/^#\d/.test(name)) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return whole;
  });
}

/**
 * Splits a search snippet into runs of text and highlighted matches. Its only markup is <mark>…</mark>;
 * everything else is text: any other tag that turns up is shown as the characters it is, never as markup.
 */
export function snippetRuns(snippet: string): { text: string; marked: boolean }[] {
  const runs: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const part of snippet.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) runs.push({ text: unescapeHtml(part), marked });
  }
  return runs;
}

/** A search result's excerpt with its matches highlighted, drawn as text and <mark> elements only. */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <span className="community-snippet">
      {snippetRuns(snippet).map((run, index) => (
        <Fragment key={index}>{run.marked ? <mark>{run.text}</mark> : run.text}</Fragment>
      ))}
    </span>
  );
}
