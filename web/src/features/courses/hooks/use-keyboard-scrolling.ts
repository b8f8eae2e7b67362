import { useEffect, type RefObject } from 'react';

/**
 * Lesson text is HTML from the API: a wide table or a long code line scrolls sideways inside it on a
 * phone (styles.css), which a mouse or a finger can do and a keyboard cannot. Each one that overflows
 * joins the tab order, so arrow keys scroll it (WCAG 2.1.1); one that fits stays out of the way.
 * Checked again when the content changes and when the window is resized (a phone turned sideways).
 */
export function useKeyboardScrolling(container: RefObject<HTMLElement | null>, content: unknown) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    function update() {
      for (const element of root!.querySelectorAll<HTMLElement>('table, pre')) {
        if (element.scrollWidth > element.clientWidth) element.tabIndex = 0;
        else element.removeAttribute('tabindex');
      }
    }
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [container, content]);
}
