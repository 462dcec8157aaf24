import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { nullIfNotFound } from '../../../shared/api/client';
import { fileApi } from '../fileApi';
import {
  CARRY_OVER_EXPLANATION,
  carryOverRequest,
  carryOverSavedText,
  carryOverStale,
  confirmedBlocs,
  describeCarryOverError,
  earlierBirthPlaceNote,
  earlierDecisionLine,
  isCarryOverBlocsError,
  toggleIndex,
  type CarryOverView,
  type OfferedBloc,
} from '../blocScope';
import { type ErrorDescription } from '../../../shared/errors/errors';
import { filePagePath } from '../fileLink';
import { blocLabel } from '../../juries/jury';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FieldError } from '../../../shared/ui/FieldError';
import { FormActions } from '../../../shared/ui/FormParts';
import { LiveNoticeLine, type Notice } from '../../../shared/ui/NoticeLine';
import { Panel } from '../../../shared/ui/Panel';
import { useApiResource } from '../../../shared/hooks/useApiResource';

const ERROR_ID = 'carry-over-blocs-error';

/**
 * « Blocs déjà obtenus » on the file page, when an earlier decision in force
 * awarded some of the targeted blocs to the same candidate: each with the
 * date of that decision and a link to the earlier file; for the file's centre
 * coordinator while the file is registered, a checkbox per bloc to carry it
 * over. After a save (or a refusal saying the file moved on) the file is
 * reloaded (`onChanged`): its version moves on, so this section and the
 * modality plan (fewer competencies to plan) reload with it.
 */
export function CarryOverSection({
  file,
  onChanged,
}: {
  file: { id: string; version: number };
  onChanged: () => void;
}) {
  const [selected, setSelected] = useState<number[]>([]);
  const [blocsError, setBlocsError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  // A server without the carry-over (404) has nothing to show: the section stays hidden.
  const {
    data: view,
    setData: setView,
    error,
    reload,
  } = useApiResource<CarryOverView | null>((signal) => nullIfNotFound(fileApi.carryOver(file.id, signal)), [file.id, file.version], {
    context: { operation: 'load' },
    clearOnChange: false,
    onLoad: (v) => {
      if (v) setSelected(confirmedBlocs(v));
    },
  });

  if (view ? view.offered.length === 0 : !error) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!view) return;
    setNotice(null);
    setBlocsError(null);
    setBusy(true);
    try {
      const updated = await fileApi.saveCarryOver(file.id, carryOverRequest(view, selected));
      setView(updated);
      setSelected(confirmedBlocs(updated));
      setNotice({ kind: 'success', text: carryOverSavedText(updated) });
      onChanged();
    } catch (err) {
      const described = describeCarryOverError(err);
      if (described.technical) console.warn('CQPM Hub:', described.technical);
      if (isCarryOverBlocsError(err)) setBlocsError(described);
      else setNotice({ kind: 'error', text: described.text, technical: described.technical });
      if (carryOverStale(err)) {
        reload();
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  }

  const editable = !!view?.editable;
  const list = view && (
    <ul className="carry-over__list">
      {view.offered.map((o) => (
        <OfferedLine
          key={o.bloc.index}
          offered={o}
          editable={editable}
          checked={selected.includes(o.bloc.index)}
          onCheck={(checked) => {
            setSelected((s) => toggleIndex(s, o.bloc.index, checked));
            setBlocsError(null);
          }}
          describedBy={blocsError ? ERROR_ID : undefined}
        />
      ))}
    </ul>
  );
  return (
    <Panel id="carry-over-title" title="Blocs déjà obtenus" testId="carry-over">
      <LiveNoticeLine notice={notice} testId="carry-over-notice" />
      <ErrorAlert error={error} />
      {view && (
        <>
          <p className="muted">{CARRY_OVER_EXPLANATION}</p>
          {editable ? (
            <form onSubmit={submit} noValidate data-testid="carry-over-form">
              <fieldset className="choice-group" aria-invalid={blocsError ? true : undefined}>
                <legend>Blocs obtenus par une décision antérieure du jury</legend>
                {list}
                <FieldError
                  id={ERROR_ID}
                  message={blocsError?.text}
                  technical={blocsError?.technical ?? undefined}
                  testId="carry-over-error-blocs"
                />
              </fieldset>
              <FormActions busy={busy} label="Confirmer la reprise des blocs" testId="carry-over-submit" />
            </form>
          ) : (
            list
          )}
        </>
      )}
    </Panel>
  );
}

/** A bloc awarded earlier: its name, the decision's date (Paris time), the earlier file; its checkbox or whether it is carried over. */
function OfferedLine({
  offered,
  editable,
  checked,
  onCheck,
  describedBy,
}: {
  offered: OfferedBloc;
  editable: boolean;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  describedBy: string | undefined;
}) {
  const index = offered.bloc.index;
  const birthPlace = earlierBirthPlaceNote(offered);
  return (
    <li className="carry-over__bloc" data-testid="carry-over-bloc" data-bloc-index={index} data-confirmed={offered.confirmed}>
      <strong id={`carry-over-bloc-${index}`}>{blocLabel(offered.bloc)}</strong>
      <br />
      <span className="muted">
        {earlierDecisionLine(offered)}
        {birthPlace && (
          <>
            {' '}
            <span data-testid="carry-over-earlier-birth-place">{birthPlace}</span>
          </>
        )}{' '}
        ·{' '}
        <Link to={filePagePath(offered.earlier_file_id)} data-testid="carry-over-earlier-file">
          voir le dossier antérieur
        </Link>
      </span>
      <br />
      {editable ? (
        <label className="check">
          <input
            type="checkbox"
            checked={checked}
            onChange={(e) => onCheck(e.target.checked)}
            aria-describedby={[`carry-over-bloc-${index}`, describedBy].filter(Boolean).join(' ')}
            data-testid="carry-over-check"
          />
          Reprendre ce bloc
        </label>
      ) : offered.confirmed ? (
        <span className="badge badge--certified" data-testid="carry-over-confirmed">
          repris
        </span>
      ) : (
        <span className="muted">non repris</span>
      )}
    </li>
  );
}
