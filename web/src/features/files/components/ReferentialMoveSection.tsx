import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { fileApi } from '../fileApi';
import { referentialApi } from '../../referentials/referentialApi';
import { ChangeList } from '../../referentials/components/ChangeList';
import { historyLinks } from '../../referentials/referentialHistory';
import type { Referential } from '../../referentials/referentialTypes';
import type { CandidateFile } from '../fileTypes';
import { mayAskReferentialMove, referentialMove, referentialMoveText } from '../referentialMove';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { useApiResource } from '../../../shared/hooks/useApiResource';

/**
 * For the centre's coordinator of a registered file pinned to an older referential version: the
 * changes from that version to the one in force, and the button that moves the file to it. Nothing
 * otherwise (another reader, another state, the file already on the version in force).
 */
export function ReferentialMoveSection({
  file,
  role,
  onMoved,
}: {
  file: CandidateFile;
  role: string | undefined;
  /** The pin moved (or the file changed meanwhile): the page reloads the file and its history. */
  onMoved: (message: string) => void;
}) {
  const asks = mayAskReferentialMove(role, file.state, Boolean(file.referential));
  const { data: view } = useApiResource((signal) => fileApi.fileReferential(file.id, signal), [file.id, file.version, asks], {
    enabled: asks,
    // The move is an extra: a failure to read it leaves the page as it is.
    describe: () => null,
  });
  const move = asks ? referentialMove(view) : null;
  const from = move?.from ?? null;
  const to = move?.to ?? null;
  const [referentials, setReferentials] = useState<(Referential | null)[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorDescription | null>(null);

  // The texts of both versions, for the titles of blocs and competencies in the changes.
  useEffect(() => {
    if (from === null || to === null) return;
    const controller = new AbortController();
    Promise.all(
      [to, from].map((v) =>
        referentialApi.referentialVersion(file.cqpm, v, controller.signal).then(
          (r) => r.referential,
          () => null,
        ),
      ),
    ).then(setReferentials, () => undefined);
    return () => controller.abort();
  }, [file.cqpm, from, to]);

  if (!move || !view) return null;

  async function confirm(target: number) {
    setBusy(true);
    setError(null);
    try {
      await fileApi.moveFileReferential(file.id, target, file.version);
      onMoved(`Le dossier suit maintenant la version ${target} du référentiel.`);
    } catch (err) {
      setError(reportError(err, { operation: 'transition' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="referential-move-title" data-testid="referential-move">
      <h2 id="referential-move-title">Version du référentiel</h2>
      <p data-testid="referential-move-text">{referentialMoveText(move)}</p>
      <p className="muted">
        Voici ce qui change de la version {move.from} à la version {move.to} (
        <Link to={historyLinks.diff(file.cqpm, move.from, move.to)}>ouvrir la comparaison</Link>). Le plan des
        modalités d'évaluation sera vérifié selon la nouvelle version quand les modalités seront validées.
      </p>
      <ChangeList
        changes={view.changes}
        referentials={referentials}
        oldLabel={`Version ${move.from}`}
        newLabel={`Version ${move.to}`}
      />
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void confirm(move.to)}
          data-testid="referential-move-confirm"
        >
          {busy ? 'Changement de version…' : `Passer le dossier à la version ${move.to}`}
        </button>
      </div>
    </section>
  );
}
