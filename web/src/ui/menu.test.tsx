import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useNavigate, type NavigateFunction } from 'react-router';
import { expect, test } from 'vitest';
import { MenuButton } from './menu';

let navigate: NavigateFunction;
function Navigator() {
  navigate = useNavigate();
  return null;
}

function renderMenu() {
  render(
    <MemoryRouter>
      <Navigator />
      <MenuButton content="Account">
        <a href="/profile">Profile</a>
        <button type="button">Log out</button>
      </MenuButton>
    </MemoryRouter>,
  );
  return screen.getByRole('button', { name: 'Account' });
}

test('↓ on the closed button opens the menu at its first item, ↑ at its last', async () => {
  const button = renderMenu();
  button.focus();
  fireEvent.keyDown(button, { key: 'ArrowDown' });
  expect(button).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByRole('link', { name: 'Profile' })).toHaveFocus();

  fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
  expect(button).toHaveAttribute('aria-expanded', 'false');
  expect(button).toHaveFocus();

  fireEvent.keyDown(button, { key: 'ArrowUp' });
  expect(screen.getByRole('button', { name: 'Log out' })).toHaveFocus();
});

test('a click elsewhere closes the menu', () => {
  const button = renderMenu();
  fireEvent.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  fireEvent.pointerDown(document.body);
  expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('Back or Forward closes the menu', () => {
  const button = renderMenu();
  fireEvent.click(button);
  fireEvent(window, new PopStateEvent('popstate'));
  expect(button).toHaveAttribute('aria-expanded', 'false');
});

test('a page arriving after the menu opened (a navigation begun before) leaves it open', async () => {
  const button = renderMenu();
  fireEvent.click(button);
  await act(async () => {
    await navigate('/dashboard');
  });
  expect(button).toHaveAttribute('aria-expanded', 'true');
});
