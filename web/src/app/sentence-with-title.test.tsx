import { screen } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../test/render';
import { SentenceWithTitle, sentenceText } from './sentence-with-title';

// A title a trainer may well type: characters that look like markup stay characters.
const TITLE = 'Rights & <b>duties</b> </title> <0>';

function Both({ title }: { title: string }) {
  const { t } = useTranslation('courses');
  return (
    <>
      <p data-testid="sentence">
        <SentenceWithTitle t={t} i18nKey="lesson.backTo" title={title} lang="th" />
      </p>
      <p data-testid="text">{sentenceText(t, 'lesson.backTo', title)}</p>
    </>
  );
}

test('the title is shown as written, in its language, in the sentence and in its plain text', () => {
  renderWithApp(<Both title={TITLE} />, { client: fakeApi(() => ({ data: {} })).client });

  const sentence = screen.getByTestId('sentence');
  expect(sentence).toHaveTextContent(`Back to ${TITLE}`, { normalizeWhitespace: false });
  expect(sentence.querySelector('b')).toBeNull();
  expect(sentence.querySelector('[lang="th"]')).toHaveTextContent(TITLE, { normalizeWhitespace: false });
  expect(screen.getByTestId('text')).toHaveTextContent(`Back to ${TITLE}`, { normalizeWhitespace: false });
});

test('in Thai too', async () => {
  renderWithApp(<Both title={TITLE} />, { client: fakeApi(() => ({ data: {} })).client, language: 'th' });

  expect(await screen.findByTestId('sentence')).toHaveTextContent(`กลับไปที่ ${TITLE}`, { normalizeWhitespace: false });
  expect(screen.getByTestId('text')).toHaveTextContent(`กลับไปที่ ${TITLE}`, { normalizeWhitespace: false });
});
