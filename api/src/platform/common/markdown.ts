import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Raw HTML in the source is shown as text, not interpreted; markdown-it also refuses javascript: links. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** A second line of defence: only these tags and attributes, only these link schemes, whatever the renderer does. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 's', 'code', 'pre',
    'a', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // The page title is the h1: headings inside a body start one level down.
  transformTags: {
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** An image the caller knows: where it is served on this origin, and its size (so the page does not jump as it loads). */
export interface ResolvedImage {
  url: string;
  width: number;
  height: number;
}

export interface RenderOptions {
  /**
   * What an image's address in the source stands for, or null when it stands for nothing known. Only
   * known images become <img> (with their size, loaded lazily); any other image is shown as its
   * description, so a page never asks another site for anything. Without it, every image is its description.
   */
  images?: (src: string) => ResolvedImage | null;
}

/** Markdown to HTML that is safe to insert into a page: no scripts, no event handlers, no javascript: links. */
export function renderMarkdown(source: string, { images }: RenderOptions = {}): string {
  const tokens = markdown.parse(source, {});
  const shown = new Set<string>();
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const token of block.children) {
      if (token.type !== 'image') continue;
      const image = images?.(String(token.attrGet('src') ?? ''));
      if (!image) {
        // Its description, as text.
        Object.assign(token, { type: 'text', tag: '', attrs: null, children: null });
        continue;
      }
      shown.add(image.url);
      token.attrs = [
        ['src', image.url],
        ['alt', ''],
        ['width', String(image.width)],
        ['height', String(image.height)],
        ['loading', 'lazy'],
        ['decoding', 'async'],
      ];
    }
  }
  const html = markdown.renderer.render(tokens, markdown.options, {});
  if (shown.size === 0) return sanitizeHtml(html, SANITIZE);
  return sanitizeHtml(html, {
    ...SANITIZE,
    allowedTags: [...(SANITIZE.allowedTags as string[]), 'img'],
    allowedAttributes: { ...SANITIZE.allowedAttributes, img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'] },
    // Whatever else the source holds, the only images left are the ones resolved above.
    exclusiveFilter: (frame) => frame.tag === 'img' && !shown.has(frame.attribs.src ?? ''),
  });
}

/** The images a Markdown source shows, in order: the address as written and the description. */
export function markdownImages(source: string): { src: string; alt: string }[] {
  const found: { src: string; alt: string }[] = [];
  for (const block of markdown.parse(source, {})) {
    for (const token of block.children ?? []) {
      if (token.type === 'image') found.push({ src: String(token.attrGet('src') ?? ''), alt: token.content.trim() });
    }
  }
  return found;
}
