import { describe, expect, it } from '@jest/globals';
import { executableMarkup } from '../testing/html.js';
import { markdownImages, renderMarkdown } from './markdown.js';

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

  it('shows an image it knows, with its size, loaded lazily, described by its alt text', () => {
    const images = (src: string) => (src === '../images/map.png' ? { url: '/course-images/c1/0123456789abcdef.png', width: 800, height: 450 } : null);
    const html = renderMarkdown('See ![Map of the region](../images/map.png "A title").', { images });
    expect(html).toBe(
      '<p>See <img src="/course-images/c1/0123456789abcdef.png" alt="Map of the region" width="800" height="450" loading="lazy" decoding="async" />.</p>\n',
    );
  });

  it.each([
    ['an address nobody resolved', '![The office](office.png)'],
    ['another site', '![Tracking pixel](https://tracker.example/p.gif)'],
    ['a data: address', '![x](data:image/png;base64,AAAA)'],
  ])('shows %s as its description, never as an image', (_, source) => {
    const html = renderMarkdown(source, { images: () => null });
    expect(html).not.toContain('<img');
    expect(html).toBe(`<p>${source.slice(2, source.indexOf(']'))}</p>\n`);
    expect(renderMarkdown(source)).toBe(html);
  });

  it('keeps no image but the resolved ones, even when other markup tries to slip one in', () => {
    const images = () => ({ url: '/course-images/c1/aa.png', width: 1, height: 1 });
    const html = renderMarkdown('![ok](a.png) <img src="https://tracker.example/p.gif"> [x](https://a.org)', { images });
    expect(html.match(/<img/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img[^>]*tracker/);
    expect(executableMarkup(html)).toEqual([]);
  });

  it('lists the images a source shows, with their descriptions', () => {
    expect(markdownImages('# T\n\n![A map](../images/map.png)\n\n- ![ ](x.jpg) and `![not](code.png)`')).toEqual([
      { src: '../images/map.png', alt: 'A map' },
      { src: 'x.jpg', alt: '' },
    ]);
  });
});
