import type { ReactNode } from 'react';

/** What an action tells the user once it is done: a success, or an error (read out at once). */
export type Notice = { kind: 'success' | 'error'; text: string; technical?: string | null };

/** One notice line, or nothing; `children` follow the text (a link to what the action made). */
export function NoticeLine({ notice, testId, children }: { notice: Notice | null; testId: string; children?: ReactNode }) {
  if (!notice) return null;
  return (
    <p
      role={notice.kind === 'error' ? 'alert' : 'status'}
      className={`alert alert--${notice.kind}`}
      data-testid={testId}
      data-technical={notice.technical ?? undefined}
    >
      {notice.text}
      {children}
    </p>
  );
}

/** NoticeLine in a polite live region: the notice is read out when it appears (a section's action notices). */
export function LiveNoticeLine({ notice, testId }: { notice: Notice | null; testId: string }) {
  return (
    <div aria-live="polite">
      <NoticeLine notice={notice} testId={testId} />
    </div>
  );
}
