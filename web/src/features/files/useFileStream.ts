import { useEffect, useEffectEvent, useState } from 'react';
import { fileStreamUrl } from './fileApi';
import { parseStreamEvent } from './liveUpdates';
import type { FileEvent } from './fileTypes';

export type StreamStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

/** Delay before opening a new stream when the browser gave up (a 503 when too many streams are open). */
const RETRY_MS = 5000;

/**
 * Follows a file's events live (EventSource on /files/{id}/stream). Starts
 * once `after` is known (the last seq the page read; null: from now on), so
 * nothing between the page's load and the stream is missed. The browser
 * reconnects by itself with Last-Event-ID; when it gives up, a new stream is
 * opened after the last event seen. `onEvent` may change between renders.
 */
export function useFileStream(
  fileId: string,
  after: number | null | undefined,
  onEvent: (event: FileEvent) => void,
): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('off');
  const handle = useEffectEvent((event: FileEvent) => onEvent(event));
  const ready = after !== undefined;
  // Where the stream starts: the `after` known when it first was, per file (read when the stream opens).
  const startAfter = useEffectEvent(() => after ?? null);

  useEffect(() => {
    if (!ready || typeof EventSource === 'undefined') return;
    let lastSeen = startAfter();
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const open = () => {
      setStatus((s) => (s === 'off' ? 'connecting' : 'reconnecting'));
      source = new EventSource(fileStreamUrl(fileId, lastSeen), { withCredentials: true });
      source.onopen = () => setStatus('live');
      source.addEventListener('file_event', (message) => {
        const event = parseStreamEvent((message as MessageEvent<string>).data);
        if (!event) return;
        lastSeen = lastSeen === null ? event.seq : Math.max(lastSeen, event.seq);
        handle(event);
      });
      source.onerror = () => {
        if (stopped || !source) return;
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          setStatus('reconnecting');
          retry = setTimeout(() => !stopped && open(), RETRY_MS);
        } else {
          setStatus('reconnecting');
        }
      };
    };
    open();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
      setStatus('off');
    };
  }, [fileId, ready]);

  return status;
}
