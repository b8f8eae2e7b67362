import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A button that shows a short list of links and actions (the disclosure pattern, which suits
 * navigation better than role="menu"): Escape or a click elsewhere closes it and focus returns to the
 * button; ↓/↑ open it at its first/last item and move between its items; choosing an item, Back or Forward closes it.
 */
export function MenuButton({
  label,
  content,
  children,
  align = 'end',
  className,
  testId,
}: {
  /** The button's accessible name when `content` is not text. */
  label?: string;
  content: ReactNode;
  children: ReactNode;
  align?: 'start' | 'end';
  className?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // Choosing an item closes the menu (below), and so does Back or Forward. A page change alone does not:
  // React Router commits navigations in a transition, so one begun before the menu opened (the page a
  // person has just signed in to, still arriving) would otherwise fold it under their pointer.
  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('popstate', close);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('popstate', close);
    };
  }, [open]);

  // ↓/↑ on the closed button open the menu at its first/last item (the menu-button pattern).
  const focusOnOpen = useRef<'first' | 'last' | null>(null);
  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    const items = menuItems();
    (focusOnOpen.current === 'first' ? items[0] : items[items.length - 1])?.focus();
    focusOnOpen.current = null;
  }, [open]);

  function menuItems() {
    return Array.from(root.current?.querySelectorAll<HTMLElement>(`#${CSS.escape(panelId)} :is(a, button):not(:disabled)`) ?? []);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (!open) {
      if (event.target === button.current && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        focusOnOpen.current = event.key === 'ArrowDown' ? 'first' : 'last';
        setOpen(true);
      }
      return;
    }
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = menuItems();
    if (!items.length) return;
    event.preventDefault();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at <= 0 ? items.length : at) - 1;
    items[next]?.focus();
  }

  return (
    <div ref={root} className={['ui-menu', className ?? ''].filter(Boolean).join(' ')} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="ui-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        data-testid={testId}
        onClick={() => setOpen((was) => !was)}
      >
        {content}
      </button>
      <div
        id={panelId}
        className={`ui-menu-panel ui-menu-${align}`}
        hidden={!open}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a, button')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}
