import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import type { BudgetRow } from '../grant-rules';
import { BudgetLines } from './budget-lines';

function Budget() {
  const [rows, setRows] = useState<BudgetRow[]>([{ description: '', amount: '' }]);
  const [currency, setCurrency] = useState('');
  return <BudgetLines form="t" rows={rows} currency={currency} onRows={setRows} onCurrency={setCurrency} language="en" />;
}

test('the budget total follows the lines as they are typed, added and removed, in the chosen currency', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(<Budget />, { client });
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: 'What for, line 1' }), 'Camera');
  await user.type(screen.getByRole('textbox', { name: 'Amount, line 1' }), '1,200.50');
  await user.click(screen.getByRole('button', { name: 'Add a line' }));
  await user.type(screen.getByRole('textbox', { name: 'Amount, line 2' }), '300');
  expect(screen.getByTestId('budget-total')).toHaveTextContent('1,500.5');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'USD');
  expect(screen.getByTestId('budget-total')).toHaveTextContent('$1,500.50');
  await user.click(screen.getByRole('button', { name: 'Remove line 1' }));
  expect(screen.getByTestId('budget-total')).toHaveTextContent('$300.00');
  expect(screen.queryByRole('textbox', { name: 'Amount, line 2' })).not.toBeInTheDocument();
});

test('an amount that is not a number is said so beside it and left out of the total', async () => {
  const { client } = fakeApi(() => ({ data: null }));
  renderWithApp(<Budget />, { client });
  const user = userEvent.setup();
  const amount = await screen.findByRole('textbox', { name: 'Amount, line 1' });
  await user.type(amount, 'about 500');
  expect(amount).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByText('Write an amount in figures, e.g. 1200 or 1200.50.')).toBeInTheDocument();
  expect(screen.getByTestId('budget-total')).toHaveTextContent('0');
});
