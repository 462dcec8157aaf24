import { blocRncpCodeLabel, identityValues } from '../certificationIdentity';
import { blocRncpCodeField, setBlocRncpCode } from '../identityEdit';
import { blocCodeLabel } from '../referential';
import { blocField, setBlocCode, setBlocTitle } from '../referentialEdit';
import type { Referential } from '../referentialTypes';
import { inputId, rowsFor, type Errors } from '../proposalFields';
import { CompetencyEditor } from './CompetencyEditor';
import { FieldError, ListEditor } from './ProposalFormParts';

/**
 * One bloc in the proposal editor: its BDC code, RNCP code and title, its
 * associated knowledge, and its competencies. Each change gives the whole new draft.
 */
export function BlocEditor({
  index: b,
  draft,
  original,
  errors,
  onChange,
}: {
  /** The bloc's index in the referential (0 for « Bloc 1 »). */
  index: number;
  draft: Referential;
  /** The version in force, to mark what changed. */
  original: Referential;
  errors: Errors;
  onChange: (next: Referential) => void;
}) {
  const bloc = draft.blocs[b]!;
  const was = original.blocs[b];
  const codeField = `${blocField(b)}.code`;
  const rncpField = blocRncpCodeField(b);
  const titleField = `${blocField(b)}.title`;
  const fiche = identityValues(draft.identity).number;
  return (
    <section className="panel" aria-labelledby={`edit-bloc-${b}`} data-testid="edit-bloc" data-bloc={b + 1}>
      <h2 id={`edit-bloc-${b}`}>
        Bloc {b + 1} · {blocCodeLabel(was?.code ?? null)}{' '}
        <span className="muted">· {blocRncpCodeLabel(was?.rncp_code)}</span>
      </h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={inputId(codeField)}>Code du bloc {b + 1}</label>
          <input
            id={inputId(codeField)}
            value={bloc.code ?? ''}
            placeholder="BDC0000 (vide : code non attribué)"
            onChange={(e) => onChange(setBlocCode(draft, b, e.target.value))}
            aria-invalid={errors[codeField] ? true : undefined}
            aria-describedby={errors[codeField] ? `${inputId(codeField)}-error` : `${inputId(codeField)}-hint`}
            autoComplete="off"
            spellCheck={false}
            maxLength={7}
            data-testid="edit-bloc-code"
          />
          <p id={`${inputId(codeField)}-hint`} className="muted field__note">
            BDC suivi de quatre chiffres ; laissez vide si le document officiel n’en imprime pas.
          </p>
          <FieldError field={codeField} errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={inputId(rncpField)}>Code RNCP du bloc {b + 1}</label>
          <input
            id={inputId(rncpField)}
            value={bloc.rncp_code ?? ''}
            placeholder={`${fiche ?? 'RNCP00000'}BC${String(b + 1).padStart(2, '0')} (vide : non renseigné)`}
            onChange={(e) => onChange(setBlocRncpCode(draft, b, e.target.value))}
            aria-invalid={errors[rncpField] ? true : undefined}
            aria-describedby={errors[rncpField] ? `${inputId(rncpField)}-error` : `${inputId(rncpField)}-hint`}
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            data-testid="edit-bloc-rncp-code"
          />
          <p id={`${inputId(rncpField)}-hint`} className="muted field__note">
            Le code du bloc dans la fiche RNCP : le numéro de la fiche, BC et deux chiffres
            (par exemple RNCP37854BC01).
          </p>
          <FieldError field={rncpField} errors={errors} />
        </div>
        <div className="field field--wide">
          <label htmlFor={inputId(titleField)}>Intitulé du bloc {b + 1}</label>
          <textarea
            id={inputId(titleField)}
            rows={rowsFor(bloc.title)}
            value={bloc.title}
            onChange={(e) => onChange(setBlocTitle(draft, b, e.target.value))}
            aria-invalid={errors[titleField] ? true : undefined}
          />
          <FieldError field={titleField} errors={errors} />
        </div>
      </div>
      <details className="propose-details">
        <summary>Connaissances associées ({bloc.knowledge.length})</summary>
        <ListEditor
          label="Connaissances associées"
          itemLabel="Connaissance"
          listRef={{ bloc: b, competency: null, list: 'knowledge' }}
          draft={draft}
          original={original}
          errors={errors}
          onChange={onChange}
        />
      </details>
      {bloc.competencies.map((competency, c) => (
        <CompetencyEditor
          key={competency.number}
          bloc={b}
          index={c}
          draft={draft}
          original={original}
          errors={errors}
          onChange={onChange}
        />
      ))}
    </section>
  );
}
