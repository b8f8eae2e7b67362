import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate, type NavigateFunction } from 'react-router';
import { expect, test } from 'vitest';
import { useAddressState } from './use-address-state';

const readOpen = (params: URLSearchParams) => params.get('open') === '1';
function writeOpen(open: boolean, params: URLSearchParams) {
  const search = new URLSearchParams(params);
  if (open) search.set('open', '1');
  else search.delete('open');
  return search;
}

let navigate: NavigateFunction;
function OpenOnly() {
  const [open, setOpen] = useAddressState(readOpen, writeOpen);
  const location = useLocation();
  navigate = useNavigate();
  return (
    <>
      <input type="checkbox" aria-label="Open only" checked={open} onChange={(event) => setOpen(event.target.checked)} />
      <output aria-label="address">{location.search}</output>
    </>
  );
}

function renderAt(address: string) {
  render(
    <MemoryRouter initialEntries={[address]}>
      <OpenOnly />
    </MemoryRouter>,
  );
  return screen.getByRole('checkbox', { name: 'Open only' });
}

test('a control shows its new value at the click, keeps the address’s other parameters, and Back undoes it', async () => {
  const box = renderAt('/courses?q=rights');
  expect(box).not.toBeChecked();
  // A plain click, not wrapped in act(): the router's navigation waits in a transition, as in a browser.
  box.click();
  expect(box).toBeChecked();
  expect(screen.getByLabelText('address')).toHaveTextContent('?q=rights');
  expect(await screen.findByText('?q=rights&open=1')).toBeInTheDocument();

  await act(async () => {
    await navigate(-1);
  });
  expect(box).not.toBeChecked();
  expect(screen.getByLabelText('address')).toHaveTextContent('?q=rights');
});

test('an address arriving from a link replaces the value', async () => {
  const box = renderAt('/courses?open=1');
  expect(box).toBeChecked();
  await act(async () => {
    await navigate('/courses');
  });
  expect(box).not.toBeChecked();
});
