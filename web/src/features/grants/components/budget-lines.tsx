import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { budgetTotal, CURRENCIES, formatMoney, parseAmount, type BudgetRow } from '../grant-rules';

interface Props {
  form: string;
  rows: BudgetRow[];
  currency: string;
  onRows(rows: BudgetRow[]): void;
  onCurrency(currency: string): void;
  language: string;
  /** The API's (or the form's) word on the budget as a whole. */
  error?: string;
  currencyError?: string;
}

/** Budget lines: add and remove rows, one currency for all, and the total as they are typed. */
export function BudgetLines({ form, rows, currency, onRows, onCurrency, language, error, currencyError }: Props) {
  const { t } = useTranslation('grants');
  const total = budgetTotal(rows);
  const set = (index: number, patch: Partial<BudgetRow>) => onRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const currencies: string[] = currency && !(CURRENCIES as readonly string[]).includes(currency) ? [currency, ...CURRENCIES] : [...CURRENCIES];
  return (
    <fieldset className="grant-budget" aria-describedby={error ? `${form}-budgetLines-error` : undefined}>
      <legend>{t('form.budget')}</legend>
      <div className="field">
        <label htmlFor={`${form}-currency`}>{t('form.currency')}</label>
        <select id={`${form}-currency`} name="currency" value={currency} onChange={(e) => onCurrency(e.target.value)}
          aria-invalid={currencyError ? true : undefined} aria-describedby={currencyError ? `${form}-currency-error` : undefined}>
          <option value="">{t('form.chooseCurrency')}</option>
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        {currencyError && (
          <p id={`${form}-currency-error`} className="field-error">
            {currencyError}
          </p>
        )}
      </div>
      <table className="grant-table grant-budget-table">
        <thead>
          <tr>
            <th scope="col">{t('form.lineDescription')}</th>
            <th scope="col">{t('form.lineAmount')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const bad = row.amount.trim() !== '' && parseAmount(row.amount) === null;
            return (
              // Rows have no id of their own; the index is the row's place, which is what the labels say.
              // eslint-disable-next-line react/no-array-index-key
              <tr key={index}>
                <td>
                  <input aria-label={t('form.lineDescriptionN', { n: index + 1 })} value={row.description} maxLength={200}
                    onChange={(e) => set(index, { description: e.target.value })} />
                </td>
                <td>
                  <input aria-label={t('form.lineAmountN', { n: index + 1 })} inputMode="decimal" className="grant-amount" value={row.amount}
                    aria-invalid={bad ? true : undefined} onChange={(e) => set(index, { amount: e.target.value })} />
                  {bad && <p className="field-error">{t('form.amountProblem')}</p>}
                </td>
                <td>
                  <Button variant="quiet" size="small" aria-label={t('form.removeLineN', { n: index + 1 })} onClick={() => onRows(rows.filter((_, i) => i !== index))}>
                    {t('form.removeLine')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('form.total')}</th>
            <td data-testid="budget-total" aria-live="polite">
              {formatMoney(total, currency || null, language)}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      {error && (
        <p id={`${form}-budgetLines-error`} className="field-error">
          {error}
        </p>
      )}
      <p>
        <Button variant="secondary" size="small" onClick={() => onRows([...rows, { description: '', amount: '' }])}>
          {t('form.addLine')}
        </Button>
      </p>
    </fieldset>
  );
}
