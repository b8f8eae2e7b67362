import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';
export type ButtonSize = 'small' | 'medium';

export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'medium', extra?: string): string {
  return ['btn', `btn-${variant}`, size === 'small' ? 'btn-small' : '', extra ?? ''].filter(Boolean).join(' ');
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shown before the label; decorative. */
  icon?: ReactNode;
}

/** A button; `type` defaults to "button" so one inside a form never submits it by accident. */
export function Button({ variant, size, icon, className, type = 'button', children, ...rest }: ButtonProps) {
  return (
    // eslint-disable-next-line react/button-has-type -- the default above
    <button type={type} className={buttonClass(variant, size, className)} {...rest}>
      {icon}
      {children}
    </button>
  );
}

/** A link that looks like a button: it goes somewhere, so it is a link to assistive technology. */
export function LinkButton({ variant, size, icon, className, children, ...rest }: LinkProps & { variant?: ButtonVariant; size?: ButtonSize; icon?: ReactNode }) {
  return (
    <Link className={buttonClass(variant, size, className)} {...rest}>
      {icon}
      {children}
    </Link>
  );
}
