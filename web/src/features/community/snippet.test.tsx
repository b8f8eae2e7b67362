import { render } from '@testing-library/react';
import { expect, test } from 'vitest';
import { Snippet, snippetRuns } from './snippet';

test('a snippet draws its matches as <mark> and everything else as text, whatever markup is smuggled in', () => {
  const snippet = 'Say &lt;b&gt;hi&lt;/b&gt; to the <mark>defenders</mark> &amp; <script>alert(1)</script><img src=x onerror=alert(2)> <mark>now</mark>';
  const { container } = render(<Snippet snippet={snippet} />);
  const root = container.firstElementChild!;
  // The only elements are the two <mark>s; the rest are characters on the screen.
  expect([...root.querySelectorAll('*')].map((el) => el.tagName)).toEqual(['MARK', 'MARK']);
  expect([...root.querySelectorAll('mark')].map((el) => el.textContent)).toEqual(['defenders', 'now']);
  expect(root.textContent).toBe('Say <b>hi</b> to the defenders & <script>alert(1)</script><img src=x onerror=alert(2)> now');
  expect(root.querySelector('script, img, b')).toBeNull();
});

test('an unclosed or stray mark never swallows markup: only the exact tags open and close highlights', () => {
  expect(snippetRuns('a <mark onclick="x">b</mark> c')).toEqual([
    { text: 'a <mark onclick="x">b', marked: false },
    { text: ' c', marked: false },
  ]);
  expect(snippetRuns('&#60;i&#x3E; &quot;q&#39;')).toEqual([{ text: '<i> "q\'', marked: false }]);
});
