import type { GridCompetency } from '../evaluationTypes';
import { signatureCount } from '../evaluationGrid';
import { formatDateTime } from '../../../shared/format/format';

export function Signatures({ competency }: { competency: GridCompetency }) {
  return (
    <div className="grid-signatures" data-testid="grid-signatures">
      <strong>Signatures :</strong> {signatureCount(competency)}
      {competency.signatures.length > 0 && (
        <ul className="plain-list">
          {competency.signatures.map((s) => (
            <li key={s.evaluator_id} data-testid="grid-signature">
              {s.display_name}, le {formatDateTime(s.signed_at)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
