import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog>: the browser traps focus, makes the page behind it inert,
 * closes it on Escape and returns focus to what opened it.
 */
export function Dialog({ open, title, onClose, children, closeLabel }: { open: boolean; title: string; onClose(): void; children: ReactNode; closeLabel: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="ui-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="ui-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-quiet btn-small" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      <div className="ui-dialog-body">{open && children}</div>
    </dialog>
  );
}
