import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  name: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Prefix that keeps ids unique when two forms share a page. */
  form: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and error, both tied to the control for screen readers. */
export function Field({ name, label, hint, error, form, children }: FieldProps) {
  const id = `${form}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, name, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function FormAlert({ message }: { message: string | null }) {
  // role="alert" is announced when it appears; it is always rendered so a repeated message is re-announced.
  return (
    <div role="alert" className={message ? 'form-alert' : undefined}>
      {message}
    </div>
  );
}

export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'form-status' : undefined}>
      {message}
    </p>
  );
}

/** After a refused submit, move focus to the first field in error (or the alert) so it is heard. */
export function focusFirstError(form: HTMLFormElement | null) {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-alert');
  if (target) {
    if (!target.hasAttribute('tabindex') && !/INPUT|SELECT|TEXTAREA|BUTTON/.test(target.tagName)) target.tabIndex = -1;
    target.focus();
  }
}
