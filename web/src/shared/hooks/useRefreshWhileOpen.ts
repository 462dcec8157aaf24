import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the component is shown, and at once when the window
 * regains focus, the tab becomes visible again or one of `events` is sent on window: what others did
 * meanwhile (a file moved, a notification read) shows without reloading the page.
 */
export function useRefreshWhileOpen(refresh: () => void, intervalMs: number, events: readonly string[] = []): void {
  const onRefresh = useEffectEvent(refresh);
  const eventsKey = events.join(' ');
  useEffect(() => {
    const timer = window.setInterval(() => onRefresh(), intervalMs);
    const onFocus = () => onRefresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') onRefresh();
    };
    const names = ['focus', ...eventsKey.split(' ').filter(Boolean)];
    for (const name of names) window.addEventListener(name, onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      for (const name of names) window.removeEventListener(name, onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs, eventsKey]);
}
