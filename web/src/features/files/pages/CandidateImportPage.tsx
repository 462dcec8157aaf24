import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { isAbort } from '../../../shared/api/client';
import { CANDIDATE_TEMPLATE_URL, importApi } from '../../admin/adminApi';
import { canImportCandidates } from '../../admin/administration';
import type { ImportPreview } from '../../admin/adminTypes';
import {
  IMPORT_COLUMNS,
  checkImportFile,
  describeImportError,
} from '../candidateImport';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormField } from '../../../shared/ui/FormParts';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { Panel } from '../../../shared/ui/Panel';
import type { ErrorDescription } from '../../../shared/errors/errors';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { PreviewSection, ConfirmedSection } from './ImportPreviewSections';

/** ?apercu=<id>: the preview shown, read again (GET /imports/{id}) when the page is reloaded. */
const P_PREVIEW = 'apercu';
const FILE_INPUT_ID = 'import-file';

/**
 * « Importer des candidats » (a centre coordinator): the columns of the file
 * and its template, the file checked by the server without creating anything
 * (its errors by line and column, the candidates it would register), then
 * every file created at once, or none.
 */
export function CandidateImportPage() {
  usePageTitle('Importer des candidats');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const previewId = params.get(P_PREVIEW) ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState<'check' | 'confirm' | null>(null);

  // A preview named in the URL (the page reloaded, or come back to) is read again.
  useEffect(() => {
    if (!previewId || preview?.id === previewId) return;
    const controller = new AbortController();
    importApi.get(previewId, controller.signal).then(setPreview, (err: unknown) => {
      if (!isAbort(err)) setError(describeImportError(err));
    });
    return () => controller.abort();
  }, [previewId, preview?.id]);

  function showPreview(next: ImportPreview | null) {
    setPreview(next);
    setParams(next ? { [P_PREVIEW]: next.id } : {}, { replace: true });
  }

  function choose(chosen: File | null) {
    setFile(chosen);
    setFileError(undefined);
    setError(null);
    if (preview) showPreview(null);
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const problem = checkImportFile(file);
    setFileError(problem ?? undefined);
    if (problem || !file) {
      document.getElementById(FILE_INPUT_ID)?.focus();
      return;
    }
    setBusy('check');
    try {
      showPreview(await importApi.preview(file.name, await file.arrayBuffer()));
    } catch (err) {
      setError(describeImportError(err));
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    if (!preview) return;
    setError(null);
    setBusy('confirm');
    try {
      setPreview(await importApi.confirm(preview.id));
    } catch (err) {
      setError(describeImportError(err));
    } finally {
      setBusy(null);
    }
  }

  if (!canImportCandidates(user)) {
    return (
      <>
        <PageTitle title="Importer des candidats" />
        <p role="alert" className="alert alert--error" data-testid="import-no-access">
          L'import de candidats est réservé aux coordinateurs de centre.
        </p>
      </>
    );
  }

  const confirmed = preview?.state === 'confirmed';
  return (
    <>
      <PageTitle
        title="Importer des candidats"
        subtitle={`Un fichier CSV, une ligne par candidat : les dossiers sont ouverts dans votre centre, ${user?.organisation.name}.`}
      />

      {!confirmed && (
        <Panel id="import-file-title" title="Le fichier">
          <p>
            Un fichier CSV encodé en UTF-8 (« CSV UTF-8 » dans Excel), dont les colonnes sont séparées par des
            points-virgules ou des virgules, de 1 Mo au plus : une ligne d'en-tête, puis une ligne par candidat.
          </p>
          <ul className="import-columns" data-testid="import-columns">
            {IMPORT_COLUMNS.map((c) => (
              <li key={c.name}>
                <code>{c.name}</code> : {c.meaning}
              </li>
            ))}
          </ul>
          <p>
            <a href={CANDIDATE_TEMPLATE_URL} download="modele-import-candidats.csv" data-testid="import-template">
              Télécharger le modèle (CSV)
            </a>
          </p>
          <form onSubmit={check} noValidate data-testid="import-form">
            <FormField
              id={FILE_INPUT_ID}
              label="Fichier des candidats"
              note="Rien n'est créé à cette étape : le fichier est d'abord vérifié ligne par ligne."
              error={fileError}
              errorTestId="import-file-error"
            >
              <input
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => choose(e.target.files?.[0] ?? null)}
                data-testid="import-file"
              />
            </FormField>
            <div className="actions">
              <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="import-check">
                {busy === 'check' ? 'Vérification…' : 'Vérifier le fichier'}
              </button>
            </div>
          </form>
        </Panel>
      )}

      <ErrorAlert error={error} testId="import-error" />

      {preview && !confirmed && (
        <PreviewSection preview={preview} busy={busy !== null} onConfirm={() => void confirm()} confirming={busy === 'confirm'} />
      )}
      {preview && confirmed && <ConfirmedSection preview={preview} onAgain={() => choose(null)} />}
    </>
  );
}

