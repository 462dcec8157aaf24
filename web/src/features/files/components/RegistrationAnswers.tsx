import { useEffect, useState } from 'react';
import { isAbort } from '../../../shared/api/client';
import { loadCqpm } from '../../referentials/cqpmCatalog';
import { reportError } from '../../../shared/errors/errors';
import { registrationAnswers } from '../registration';
import type { RegistrationField, RegistrationValues } from '../../referentials/referentialTypes';
import { Fact } from '../../../shared/ui/Fact';
import { useOnChange } from '../../../shared/hooks/useOnChange';

/**
 * The CQPM's registration answers of a file, read-only, labelled by the CQPM's
 * fields (« B1V — délivrée par …, valable jusqu'au 31/12/2027 »; the plain
 * texts of an earlier file as they are). Nothing when the server does not send
 * the answers, or when the CQPM asks for none and the file holds none. With
 * `onEdit` (the centre's coordinator), « Modifier » opens the correction form,
 * which changes them with a reason, validated as at registration.
 */
export function RegistrationAnswers({
  cqpm,
  values,
  onEdit,
}: {
  cqpm: string;
  values: RegistrationValues | null | undefined;
  onEdit?: () => void;
}) {
  const [fields, setFields] = useState<RegistrationField[] | null>(null);
  const known = values !== undefined;

  // Another CQPM: nothing shows until its fields are read.
  useOnChange(`${cqpm}/${known}`, () => setFields(null));
  useEffect(() => {
    if (!known) return;
    let live = true;
    loadCqpm(cqpm).then(
      (detail) => live && setFields(detail.registration_fields ?? []),
      (err: unknown) => {
        if (!live || isAbort(err)) return;
        // Without the CQPM's fields, the answers still read under their ids.
        reportError(err, { operation: 'cqpm' });
        setFields([]);
      },
    );
    return () => {
      live = false;
    };
  }, [cqpm, known]);

  if (!known || fields === null) return null;
  const answers = registrationAnswers(fields, values);
  if (answers.length === 0) return null;
  return (
    <div data-testid="file-registration">
      <div className="section-head">
        <h3 id="registration-answers-title">Informations d'inscription propres au CQPM</h3>
        {onEdit && (
          <button
            type="button"
            className="button"
            onClick={onEdit}
            aria-describedby="registration-answers-title"
            data-testid="registration-edit"
          >
            Modifier
          </button>
        )}
      </div>
      <dl className="facts registration-answers">
        {answers.map((a) => (
          <Fact key={a.id} label={a.label} testId={`file-registration-${a.id}`}>
            {a.lines.length === 0 ? (
              <span className="muted">Non renseigné</span>
            ) : a.lines.length === 1 ? (
              a.lines[0]
            ) : (
              <ul className="texts">
                {a.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </Fact>
        ))}
      </dl>
    </div>
  );
}
