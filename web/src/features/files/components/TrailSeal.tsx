import { useEffect, useState } from 'react';
import { fileApi } from '../fileApi';
import { trailSealText, type FileAudit } from '../trailSeal';

/**
 * Under the history: whether its events still hold together by their chained
 * fingerprints. Checked again whenever an event arrives; says nothing while it
 * loads or if the check cannot be read (the history itself stays).
 */
export function TrailSeal({ fileId, eventCount }: { fileId: string; eventCount: number }) {
  const [audit, setAudit] = useState<FileAudit | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fileApi.fileAudit(fileId, abort.signal).then(setAudit, () => undefined);
    return () => abort.abort();
  }, [fileId, eventCount]);
  if (!audit) return null;
  const { alarm, text } = trailSealText(audit);
  return (
    <p
      className={alarm ? 'alert alert--error' : 'muted history-seal'}
      role={alarm ? 'alert' : undefined}
      data-testid="history-seal"
      data-intact={audit.intact ? 'true' : 'false'}
    >
      {text}
    </p>
  );
}
