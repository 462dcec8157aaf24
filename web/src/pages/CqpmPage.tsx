import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, isAbort } from '../api';
import { loadCqpm } from '../cqpmCatalog';
import { describeError, reportError } from '../errors';
import {
  CRITERIA_GROUPS,
  blocAnchor,
  blocCodeLabel,
  competencyAnchor,
  isIntro,
  modalityTags,
  tableOfContents,
  type TocEntry,
} from '../referential';
import type { CqpmDetail, ReferentialBloc, ReferentialCompetency } from '../types';
import { usePageTitle } from '../usePageTitle';

/** A list of texts as printed: one item each; an item that introduces the next ones (ends with ":") stands out. */
function TextList({ items, testId }: { items: readonly string[]; testId?: string }) {
  if (items.length === 0) return <p className="muted">Rien dans le référentiel pour cette rubrique.</p>;
  return (
    <ul className="texts" data-testid={testId}>
      {items.map((text, i) => (
        <li key={i} className={isIntro(text) ? 'texts__intro' : undefined}>
          {text}
        </li>
      ))}
    </ul>
  );
}

function Paragraphs({ items }: { items: readonly string[] }) {
  return (
    <>
      {items.map((text, i) => (
        <p key={i} className="ref-text">
          {text}
        </p>
      ))}
    </>
  );
}

function BlocCode({ code }: { code: string | null }) {
  return (
    <span
      className={`code${code ? '' : ' code--missing'}`}
      data-testid="bloc-code"
      title={code ? undefined : "Le référentiel source n'imprime pas de code pour ce bloc ; seul le GTP peut le compléter."}
    >
      {blocCodeLabel(code)}
    </span>
  );
}

function Competency({ competency }: { competency: ReferentialCompetency }) {
  const anchor = competencyAnchor(competency.number);
  return (
    <article
      id={anchor}
      className="competency"
      aria-labelledby={`${anchor}-title`}
      data-testid="competency"
      data-number={competency.number}
    >
      <h3 id={`${anchor}-title`} className="competency__title">
        <span className="competency__number">Compétence {competency.number}</span>
        <span className="competency__name" data-testid="competency-title">
          {competency.title}
        </span>
      </h3>
      <h4>Conditions de réalisation</h4>
      <TextList items={competency.conditions} />
      <h4>Critères d'évaluation mesurables et observables</h4>
      <div className="criteria">
        {CRITERIA_GROUPS.map((group) => (
          <section key={group.key} className="criteria__group" data-testid={`criteria-${group.key}`}>
            <h5>{group.heading}</h5>
            {competency.criteria[group.key].length === 0 ? (
              <p className="muted">Aucun critère de ce groupe dans le référentiel.</p>
            ) : (
              <TextList items={competency.criteria[group.key]} />
            )}
          </section>
        ))}
      </div>
      <h4>Résultats attendus</h4>
      <TextList items={competency.expected_results} testId="expected-results" />
    </article>
  );
}

function Bloc({ bloc, index }: { bloc: ReferentialBloc; index: number }) {
  const anchor = blocAnchor(index);
  return (
    <section id={anchor} className="panel ref-section bloc" aria-labelledby={`${anchor}-title`} data-testid="bloc">
      <h2 id={`${anchor}-title`} className="bloc__title">
        <span className="bloc__number">Bloc {index + 1}</span> <BlocCode code={bloc.code} />{' '}
        <span className="bloc__name">{bloc.title}</span>
      </h2>
      <h3 className="bloc__knowledge-title">Connaissances associées</h3>
      <TextList items={bloc.knowledge} />
      {bloc.competencies.map((c) => (
        <Competency key={c.number} competency={c} />
      ))}
    </section>
  );
}

function Toc({ entries }: { entries: TocEntry[] }) {
  return (
    <ol className="toc__list">
      {entries.map((entry) => (
        <li key={entry.anchor}>
          <a href={`#${entry.anchor}`}>{entry.label}</a>
          {entry.children && entry.children.length > 0 && <Toc entries={entry.children} />}
        </li>
      ))}
    </ol>
  );
}

/** A CQPM's referential, laid out for an evaluator who keeps it open during an evaluation (and for print). */
export function CqpmPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [cqpm, setCqpm] = useState<CqpmDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  usePageTitle(cqpm ? `Référentiel · ${cqpm.title}` : 'Référentiel CQPM');

  useEffect(() => {
    let live = true;
    setCqpm(null);
    setError(null);
    loadCqpm(id).then(
      (c) => live && setCqpm(c),
      (err: unknown) => {
        if (!live || isAbort(err)) return;
        reportError(err, { operation: 'cqpm' });
        setError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  // Once the referential is shown, go to the anchor of the address (a link to one competency).
  useEffect(() => {
    if (!cqpm || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView();
  }, [cqpm, location.hash, location.key]);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    const described = describeError(error, { operation: 'cqpm' });
    return (
      <section>
        <h1>{notFound ? 'CQPM introuvable' : 'Référentiel indisponible'}</h1>
        <p role="alert" className="alert alert--error" title={described.technical ?? undefined}>
          {described.text}
        </p>
        <p>
          <Link to="/cqpm">Retour aux référentiels CQPM</Link>
        </p>
      </section>
    );
  }
  if (!cqpm) return <p aria-live="polite">Chargement du référentiel…</p>;

  const ref = cqpm.referential;
  const competencies = ref.blocs.flatMap((b) => b.competencies);
  return (
    <div className="referential" data-testid="referential" data-cqpm={cqpm.id}>
      <nav aria-label="Fil d'Ariane" className="breadcrumb">
        <Link to="/cqpm">Référentiels CQPM</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{cqpm.title}</span>
      </nav>
      <div className="ref-heading">
        <div>
          <p className="subtitle">Référentiel du CQPM</p>
          <h1 data-testid="cqpm-title">{ref.title}</h1>
          <p className="subtitle">
            Version {cqpm.version} · {cqpm.blocs} bloc{cqpm.blocs > 1 ? 's' : ''} de compétences · {cqpm.competencies}{' '}
            compétence{cqpm.competencies > 1 ? 's' : ''}
          </p>
        </div>
        <div className="ref-tools no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Imprimer
          </button>
          <label className="visually-hidden" htmlFor="ref-jump">
            Aller à la compétence
          </label>
          <select
            id="ref-jump"
            value=""
            onChange={(e) => e.target.value && navigate({ hash: e.target.value }, { replace: true })}
          >
            <option value="">Aller à la compétence…</option>
            {competencies.map((c) => (
              <option key={c.number} value={competencyAnchor(c.number)}>
                {c.number}. {c.title}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="ref-layout">
        <nav className="toc panel" aria-labelledby="toc-title" data-testid="referential-toc">
          <h2 id="toc-title">Sommaire</h2>
          <Toc entries={tableOfContents(ref)} />
        </nav>

        <div className="ref-body">
          <section id="presentation" className="panel ref-section" aria-labelledby="presentation-title">
            <h2 id="presentation-title">Présentation du métier</h2>
            {ref.mission && ref.mission.length > 0 && (
              <>
                <h3>Mission</h3>
                <Paragraphs items={ref.mission} />
              </>
            )}
            <h3>Activités visées</h3>
            <ul className="texts">
              {ref.activities.map((a, i) => (
                <li key={i}>
                  <strong>{a.title}</strong>
                  {a.description.length > 0 && <TextList items={a.description} />}
                </li>
              ))}
            </ul>
            <h3>Environnement de travail</h3>
            <Paragraphs items={ref.work_environment} />
            <h3>Interactions dans l'environnement de travail</h3>
            <Paragraphs items={ref.interactions} />
            {ref.evolutions && ref.evolutions.length > 0 && (
              <>
                <h3>Analyse et évolutions du métier</h3>
                <Paragraphs items={ref.evolutions} />
              </>
            )}
            <p className="muted field__note">
              Texte transcrit mot pour mot du document officiel
              {ref.source.title ? ` « ${ref.source.title} »` : ''} ({ref.source.document}).
            </p>
          </section>

          {ref.blocs.map((bloc, index) => (
            <Bloc key={index} bloc={bloc} index={index} />
          ))}

          <section id="modalites" className="panel ref-section" aria-labelledby="modalites-title">
            <h2 id="modalites-title">Modalités d'évaluation</h2>
            {ref.evaluation && ref.evaluation.length > 0 && <Paragraphs items={ref.evaluation} />}
            {ref.modalities.map((m) => (
              <div key={m.id} className="modality" data-testid="modality" data-modality={m.id}>
                <h3>
                  {m.label}{' '}
                  {modalityTags(m).map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </h3>
                <TextList items={m.description} />
              </div>
            ))}
          </section>

          <section id="admissibilite" className="panel ref-section" aria-labelledby="admissibilite-title">
            <h2 id="admissibilite-title">Conditions d'admissibilité</h2>
            <Paragraphs items={ref.admissibility} />
          </section>

          {ref.notes && ref.notes.length > 0 && (
            <section id="notes" className="panel ref-section" aria-labelledby="notes-title">
              <h2 id="notes-title">Notes du référentiel</h2>
              {ref.notes.map((note, i) => (
                <div key={i}>
                  <h3>{note.title}</h3>
                  <Paragraphs items={note.text} />
                </div>
              ))}
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
