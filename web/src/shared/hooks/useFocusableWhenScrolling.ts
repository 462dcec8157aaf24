import { useCallback } from 'react';

/**
 * A ref for a box that scrolls its content inside itself (a wide table on a phone, a long feed):
 * while its content overflows it, the box takes the keyboard focus (tabindex 0), so that someone
 * without a mouse can scroll it with the arrow keys (WCAG 2.1.1); while everything fits, it is no
 * tab stop. Follows the box's size and its content's changes.
 */
export function useFocusableWhenScrolling<T extends HTMLElement>() {
  return useCallback((box: T | null) => {
    if (!box) return;
    const update = () => {
      const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    };
    update();
    // jsdom (the unit tests) has no ResizeObserver: the box then keeps what it had at mount.
    if (typeof ResizeObserver === 'undefined') return;
    const resized = new ResizeObserver(update);
    resized.observe(box);
    const changed = new MutationObserver(update);
    changed.observe(box, { childList: true, subtree: true, characterData: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, []);
}
