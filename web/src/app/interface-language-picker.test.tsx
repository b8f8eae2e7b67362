import { fireEvent, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../test/render';
import { InterfaceLanguagePicker } from './interface-language-picker';

const names = () => [...(screen.getByLabelText('Language') as HTMLSelectElement).options].map((option) => option.textContent);

test('the picker offers Nepali and Burmese, each named in itself once someone reaches for it', () => {
  renderWithApp(<InterfaceLanguagePicker />, { client: fakeApi(() => ({})).client });
  // Until then no other script is on an English page, so no web font is fetched for it.
  expect(names()).toEqual(['English', 'Thai', 'Nepali', 'Burmese']);
  fireEvent.focus(screen.getByLabelText('Language'));
  expect(names()).toEqual(['English', 'ไทย', 'नेपाली', 'မြန်မာ']);
  expect(screen.getByRole('option', { name: 'မြန်မာ' })).toHaveAttribute('lang', 'my');
});
