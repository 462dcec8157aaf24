import type { FileDocument } from '../../documents/documentTypes';
import type { GridCompetency } from '../evaluationTypes';
import { documentName } from '../../documents/documents';
import { conflictParts, groupsOf, resultLabel, type CompetencyDraft } from '../evaluationGrid';
import { formatDateTime } from '../../../shared/format/format';

function evidenceNames(ids: readonly string[], documents: readonly FileDocument[]): string {
  if (ids.length === 0) return 'aucune';
  return ids.map((id) => {
    const d = documents.find((x) => x.id === id);
    return d ? documentName(d) : 'document retiré';
  }).join(', ');
}

/** One side of the comparison: a result, observations per group, evidence. */
function Side({
  title,
  result,
  observations,
  evidence,
  competency,
  documents,
  testId,
}: {
  title: string;
  result: string;
  observations: CompetencyDraft['observations'];
  evidence: readonly string[];
  competency: GridCompetency;
  documents: readonly FileDocument[];
  testId: string;
}) {
  return (
    <div className="conflict__side" data-testid={testId}>
      <h4>{title}</h4>
      <dl className="facts">
        <div>
          <dt>Résultat</dt>
          <dd data-testid={`${testId}-result`}>{resultLabel(result)}</dd>
        </div>
        {groupsOf(competency).map((g) => (
          <div key={g.key} className="facts__wide">
            <dt>Observations — {g.heading}</dt>
            <dd data-testid={`${testId}-observations-${g.key}`} className="pre-wrap">
              {observations[g.key]?.trim() ? observations[g.key] : <span className="muted">(vide)</span>}
            </dd>
          </div>
        ))}
        <div className="facts__wide">
          <dt>Preuves citées</dt>
          <dd>{evidenceNames(evidence, documents)}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * A stale save of a competency: the other evaluator's current version next to
 * the user's changes. Nothing is overwritten until the user re-applies theirs.
 */
export function GridConflictPanel({
  theirs,
  mine,
  documents,
  busy,
  onReapply,
  onDiscard,
}: {
  theirs: GridCompetency;
  mine: CompetencyDraft;
  documents: readonly FileDocument[];
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const parts = conflictParts(mine, theirs);
  const who = theirs.updated_by?.display_name ?? 'un autre évaluateur';
  const headingId = `grid-conflict-${theirs.number}`;
  return (
    <div className="conflict" role="alert" aria-labelledby={headingId} data-testid="grid-conflict">
      <h4 id={headingId}>Modification concurrente</h4>
      <p>
        {who} a enregistré une autre version de cette compétence
        {theirs.updated_at ? ` le ${formatDateTime(theirs.updated_at)}` : ''} pendant votre saisie.
        {parts.length > 0 ? ` Vos versions diffèrent sur ${parts.join(', ')}.` : ' Vos versions sont identiques.'} Rien n'a été
        écrasé : choisissez.
      </p>
      <div className="conflict__sides">
        <Side
          title={`Version actuelle (${who})`}
          result={theirs.result}
          observations={theirs.observations}
          evidence={theirs.evidence}
          competency={theirs}
          documents={documents}
          testId="grid-conflict-theirs"
        />
        <Side
          title="Vos modifications"
          result={mine.result}
          observations={mine.observations}
          evidence={mine.evidence}
          competency={theirs}
          documents={documents}
          testId="grid-conflict-mine"
        />
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onReapply} disabled={busy} data-testid="grid-conflict-reapply">
          Réappliquer mes modifications
        </button>
        <button type="button" className="button" onClick={onDiscard} disabled={busy} data-testid="grid-conflict-discard">
          Garder la version actuelle
        </button>
      </div>
    </div>
  );
}
