import { expect, test } from 'vitest';
import { quoteMarkdown, withQuote } from './quote';

test('quotes every line of a post under a line naming its author, nesting the quotes it holds', () => {
  expect(quoteMarkdown('Ratna wrote:', 'First line\n\n> an older quote\nLast line\n')).toBe(
    '> Ratna wrote:\n>\n> First line\n>\n> > an older quote\n> Last line\n\n',
  );
});

test('adds a quote under what is already written, or alone in an empty box', () => {
  const quote = '> Ratna wrote:\n>\n> Yes.\n\n';
  expect(withQuote('', quote)).toBe(quote);
  expect(withQuote('   \n', quote)).toBe(quote);
  expect(withQuote('I agree with this:\n\n', quote)).toBe(`I agree with this:\n\n${quote}`);
});
