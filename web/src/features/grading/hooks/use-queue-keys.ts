import { useEffect, useRef } from 'react';

/** Whether a key press is typing: in a text field, a select or an editable region. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}

/**
 * Keyboard moves through a queue: j / Alt+↓ for the next item, k / Alt+↑ for the previous one, outside
 * text fields and selects only, so nothing being typed there is left behind by a stray key.
 */
export function useQueueKeys(moves: { next(): void; previous(): void }) {
  const latest = useRef(moves);
  latest.current = moves;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (event.shiftKey || isTyping(event.target)) return;
      let move: 'next' | 'previous' | null = null;
      if (event.altKey) {
        if (event.key === 'ArrowDown') move = 'next';
        else if (event.key === 'ArrowUp') move = 'previous';
      } else {
        if (event.key === 'j') move = 'next';
        else if (event.key === 'k') move = 'previous';
      }
      if (!move) return;
      // Not while a dialog is open over the queue.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current[move]();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
