import {
  CRITERIA_GROUPS,
  blocAnchor,
  competencyAnchor,
  modalityTags,
  tableOfContents,
  type TocEntry,
} from '../referential';
import { blamePath, type BlameIndex } from '../referentialHistory';
import type { Referential, ReferentialBloc, ReferentialCompetency } from '../referentialTypes';
import { BlameTag, TextList, Paragraphs, BlocCode, BlocRncpCode } from './ReferentialText';

interface Annotations {
  cqpm: string;
  blame: BlameIndex | null | undefined;
}

function Competency({ competency, notes }: { competency: ReferentialCompetency; notes: Annotations }) {
  const anchor = competencyAnchor(competency.number);
  const n = competency.number;
  const tag = (path: string) => <BlameTag cqpm={notes.cqpm} blame={notes.blame} path={path} />;
  return (
    <article
      id={anchor}
      className="competency"
      aria-labelledby={`${anchor}-title`}
      data-testid="competency"
      data-number={competency.number}
    >
      <h3 id={`${anchor}-title`} className="competency__title">
        <span className="competency__number">
          Compétence {competency.number}
          {notes.blame && tag(blamePath.competency(n))}
        </span>
        <span className="competency__name" data-testid="competency-title">
          {competency.title}
        </span>
      </h3>
      <h4>Conditions de réalisation</h4>
      <TextList items={competency.conditions} annotate={notes.blame ? (i) => tag(blamePath.condition(n, i)) : undefined} />
      <h4>Critères d'évaluation mesurables et observables</h4>
      <div className="criteria">
        {CRITERIA_GROUPS.map((group) => (
          <section key={group.key} className="criteria__group" data-testid={`criteria-${group.key}`}>
            <h5>{group.heading}</h5>
            {competency.criteria[group.key].length === 0 ? (
              <p className="muted">Aucun critère de ce groupe dans le référentiel.</p>
            ) : (
              <TextList
                items={competency.criteria[group.key]}
                annotate={notes.blame ? (i) => tag(blamePath.criterion(n, group.key, i)) : undefined}
              />
            )}
          </section>
        ))}
      </div>
      <h4>Résultats attendus</h4>
      <TextList
        items={competency.expected_results}
        testId="expected-results"
        annotate={notes.blame ? (i) => tag(blamePath.expectedResult(n, i)) : undefined}
      />
    </article>
  );
}

function Bloc({ bloc, index, notes }: { bloc: ReferentialBloc; index: number; notes: Annotations }) {
  const anchor = blocAnchor(index);
  const tag = (path: string) => <BlameTag cqpm={notes.cqpm} blame={notes.blame} path={path} />;
  return (
    <section id={anchor} className="panel ref-section bloc" aria-labelledby={`${anchor}-title`} data-testid="bloc">
      <h2 id={`${anchor}-title`} className="bloc__title">
        <span className="bloc__number">Bloc {index + 1}</span> <BlocCode code={bloc.code} />
        {notes.blame && tag(blamePath.blocCode(index))} <BlocRncpCode code={bloc.rncp_code} /> <span className="bloc__name">{bloc.title}</span>
        {notes.blame && tag(blamePath.blocTitle(index))}
      </h2>
      <h3 className="bloc__knowledge-title">Connaissances associées</h3>
      <TextList items={bloc.knowledge} annotate={notes.blame ? (i) => tag(blamePath.knowledge(index, i)) : undefined} />
      {bloc.competencies.map((c) => (
        <Competency key={c.number} competency={c} notes={notes} />
      ))}
    </section>
  );
}

export function Toc({ entries }: { entries: TocEntry[] }) {
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

/**
 * A referential laid out for an evaluator who keeps it open during an evaluation (and for
 * print): a table of contents, the presentation, the blocs, the modalities. With `blame`,
 * each bloc code and title, competency and item carries the version that last changed it.
 */
export function ReferentialView({
  cqpm,
  referential: ref,
  blame,
}: {
  cqpm: string;
  referential: Referential;
  blame?: BlameIndex | null;
}) {
  const notes: Annotations = { cqpm, blame };
  return (
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
          <Bloc key={index} bloc={bloc} index={index} notes={notes} />
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
  );
}
