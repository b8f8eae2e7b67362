/**
 * What in an HTML string a browser would execute: script elements, event-handler attributes, and
 * javascript:/data: links. Text that merely looks like them (escaped, or inside an attribute value)
 * does not count.
 */
export function executableMarkup(html: string): string[] {
  const tags = html.match(/<[^>]+>/g) ?? [];
  const found: string[] = [];
  for (const tag of tags) {
    const withoutValues = tag.replace(/"[^"]*"|'[^']*'/g, '""');
    if (/^<\s*script/i.test(tag)) found.push(tag);
    if (/\son\w+\s*=/i.test(withoutValues)) found.push(tag);
    if (/\s(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i.test(tag)) found.push(tag);
  }
  return found;
}
