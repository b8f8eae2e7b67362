import type { HTMLAttributes, ReactNode } from 'react';

type CardElement = 'article' | 'section' | 'div' | 'li';

/** A surface that groups one thing; `interactive` lifts it on hover when its title link covers it. */
export function Card({ as: Element = 'div', interactive, className, children, ...rest }: HTMLAttributes<HTMLElement> & { as?: CardElement; interactive?: boolean; children: ReactNode }) {
  return (
    <Element className={['ui-card', interactive ? 'ui-card-interactive' : '', className ?? ''].filter(Boolean).join(' ')} {...rest}>
      {children}
    </Element>
  );
}
