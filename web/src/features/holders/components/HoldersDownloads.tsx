import { csvUrl, fluxUnavailableReason, fluxUrl, type HolderReport } from '../holderReport';

const FLUX_LABEL = 'Télécharger le flux XML (Caisse des Dépôts)';

/**
 * The period's two downloads, plain links that carry the session cookie like
 * the app's other exports: the XML flux to deposit (a disabled button, with its
 * reason, while nothing is ready or the certifier is not configured) and the CSV
 * of every line. Both are written to the administration log by the server.
 */
export function HoldersDownloads({ report }: { report: HolderReport }) {
  const period = { from: report.from, to: report.to };
  const reason = fluxUnavailableReason(report);
  return (
    <div data-testid="holders-downloads">
      <div className="actions">
        {reason ? (
          <button type="button" className="button button--primary" disabled aria-describedby="holders-flux-reason" data-testid="holders-flux">
            {FLUX_LABEL}
          </button>
        ) : (
          <a className="button button--primary" href={fluxUrl(period)} download data-testid="holders-flux">
            {FLUX_LABEL}
          </a>
        )}
        <a className="button" href={csvUrl(period)} download data-testid="holders-csv">
          Télécharger le CSV
        </a>
      </div>
      {reason && (
        <p id="holders-flux-reason" className="field__note muted" data-testid="holders-flux-reason">
          {reason}
        </p>
      )}
    </div>
  );
}
