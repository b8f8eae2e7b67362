import { useEffect, type RefObject } from 'react';

/**
 * An image of lesson text that cannot be shown gives way to its description in a dashed box, rather
 * than a broken-image icon with nothing to read: offline, in a week that was not saved, or in a draft
 * course (the API gives a draft's images only with a token, which an <img> does not send).
 */
export function useImageFallback(container: RefObject<HTMLElement | null>, content: unknown) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    function describe(img: HTMLImageElement) {
      const box = document.createElement('span');
      box.className = 'image-unavailable';
      box.textContent = img.alt;
      img.replaceWith(box);
    }
    // Errors do not bubble: listen while they go down. Those before this ran are found by their state.
    const onError = (event: Event) => {
      if (event.target instanceof HTMLImageElement && root.contains(event.target)) describe(event.target);
    };
    root.addEventListener('error', onError, true);
    for (const img of root.querySelectorAll('img')) if (img.complete && img.naturalWidth === 0 && img.getAttribute('src')) describe(img);
    return () => root.removeEventListener('error', onError, true);
  }, [container, content]);
}
