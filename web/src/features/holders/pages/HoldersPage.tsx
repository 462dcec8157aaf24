import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/session';
import { useApiResource } from '../../../shared/hooks/useApiResource';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { HoldersDownloads } from '../components/HoldersDownloads';
import { HoldersPeriodForm } from '../components/HoldersPeriodForm';
import { HoldersTable } from '../components/HoldersTable';
import { holdersApi } from '../holdersApi';
import { canSeeHolders } from '../holders';
import {
  CERTIFIER_NOT_CONFIGURED_MESSAGE,
  HOLDERS_ERROR_CONTEXT,
  countsText,
  periodFrom,
  periodText,
  type HolderReport,
  type Period,
} from '../holderReport';

/**
 * « Titulaires à déclarer (Accrochage) »: the certifications the juries of a
 * period awarded (a coordinator's centre, every centre for GTP auditors), each
 * ready for the Caisse des Dépôts or with what its file still lacks, and the
 * flux and CSV to download. The period is kept in the address.
 */
export function HoldersPage() {
  usePageTitle('Titulaires à déclarer');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params);
  const allowed = canSeeHolders(user);
  const { data, error, loading } = useApiResource<HolderReport>((signal) => holdersApi.report(period, signal), [period.from, period.to], {
    enabled: allowed,
    context: HOLDERS_ERROR_CONTEXT,
  });
  const report = error ? null : data;

  function apply(next: Period) {
    setParams(new URLSearchParams({ from: next.from, to: next.to }));
  }

  return (
    <>
      <PageTitle
        title="Titulaires à déclarer (Accrochage)"
        subtitle="Les certifications délivrées par les jurys, à déclarer à la Caisse des Dépôts pour qu'elles figurent sur le compte formation de leurs titulaires."
      />
      {!allowed ? (
        <p className="alert alert--error" role="alert">
          Seuls les coordinateurs de centre et les auditeurs du GTP consultent les titulaires à déclarer.
        </p>
      ) : (
        <>
          <HoldersPeriodForm period={period} onApply={apply} />
          <div aria-live="polite" aria-busy={loading}>
            {loading && <p>Chargement des certifications…</p>}
            <ErrorAlert error={error} testId="holders-error" />
            {report && !loading && (
              <p data-testid="holders-counts">
                <strong>{countsText(report)}</strong> <span className="muted">({periodText(report).toLowerCase()})</span>
              </p>
            )}
          </div>
          {report && !report.certifier_configured && (
            <p className="alert alert--info" data-testid="holders-certifier-missing">
              {CERTIFIER_NOT_CONFIGURED_MESSAGE}
            </p>
          )}
          {report && <HoldersDownloads report={report} />}
          {report && <HoldersTable certifications={report.certifications} />}
        </>
      )}
    </>
  );
}
