import { describe, expect, it } from '@jest/globals';
import { executableMarkup } from '../testing/html.js';
import { renderMarkdown } from './markdown.js';

describe('lesson Markdown', () => {
  it('renders headings, lists, emphasis and links', () => {
    const html = renderMarkdown('## Rights\n\n- **Know** your [rights](https://www.ohchr.org/en)\n');
    expect(html).toContain('<h2>Rights</h2>');
    expect(html).toContain('<strong>Know</strong>');
    expect(html).toContain('<a href="https://www.ohchr.org/en" rel="noopener noreferrer nofollow">rights</a>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an event handler', '<img src=x onerror="alert(1)">'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['an encoded javascript: link', '[click](jav&#x61;script:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an inline handler in a link title', '[x](https://a.org "\\" onmouseover=\\"alert(1)")'],
  ])('leaves nothing executable from %s', (_, source) => {
    const html = renderMarkdown(source);
    expect(executableMarkup(html)).toEqual([]);
  });

  it('turns a level-one heading into level two, under the lesson title', () => {
    expect(renderMarkdown('# Big')).toBe('<h2>Big</h2>\n');
  });
});
