import type { ReactNode } from 'react';
import { candidateName } from '../../../shared/format/format';
import { Fact } from '../../../shared/ui/Fact';
import {
  commissionThen,
  decisionLines,
  documentLines,
  eventCount,
  lastEvents,
  opinionStateThen,
  parisDayAndTime,
  referentialThen,
} from '../fileAsOf';
import type { FileAsOf } from '../fileTypes';
import { FileAsOfGrid } from './FileAsOfGrid';
import '../collaboration.css';

/** How many of the events by then are listed (the newest). */
const LAST_EVENTS = 5;

/** A part of the file then: its heading and what it held, or a sentence when it held nothing. */
function Part({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <div className="file-as-of__part" data-testid={testId}>
      <h4>{title}</h4>
      {children}
    </div>
  );
}

function Lines({ items, empty, label }: { items: { id: string; text: string }[]; empty: string; label: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="texts" aria-label={label}>
      {items.map((i) => (
        <li key={i.id}>{i.text}</li>
      ))}
    </ul>
  );
}

/** The file exactly as it stood at the instant asked (GET /files/{id}?at=…), read-only. */
export function FileAsOfResult({ asOf, note }: { asOf: FileAsOf; note: string | null }) {
  const { file, grid, company_opinion: opinion } = asOf;
  const opinionText = opinion?.current?.text.trim() ?? '';
  const events = lastEvents(asOf.events, LAST_EVENTS);
  return (
    <article className="file-as-of" aria-labelledby="file-as-of-heading" data-testid="file-as-of-result" data-at={asOf.at}>
      <h3 id="file-as-of-heading">Dossier au {parisDayAndTime(asOf.at)}</h3>
      {note && <p className="muted">{note}</p>}
      <dl className="facts">
        <Fact label="État" testId="file-as-of-state">
          {file.state_label}
        </Fact>
        <Fact label="Candidat" testId="file-as-of-candidate">
          {candidateName(file.candidate)}
        </Fact>
        <Fact label="CQPM">{file.cqpm_title}</Fact>
        <Fact label="Référentiel">{referentialThen(file)}</Fact>
        <Fact label="Commission">{commissionThen(grid)}</Fact>
      </dl>

      {asOf.registration_answers.length > 0 && (
        <Part title="Informations d'inscription">
          <dl className="facts">
            {asOf.registration_answers.map((a, i) => (
              <Fact key={i} label={a.label}>
                {a.text}
              </Fact>
            ))}
          </dl>
        </Part>
      )}

      <Part title="Grille d'évaluation" testId="file-as-of-grid">
        {grid ? <FileAsOfGrid grid={grid} /> : <p className="muted">Pas encore de grille d'évaluation à cette date.</p>}
      </Part>

      <Part title="Avis de l'entreprise" testId="file-as-of-opinion">
        <p>{opinionStateThen(opinion, file.pathway)}</p>
        {opinionText && <p className="pre-wrap">{opinionText}</p>}
      </Part>

      <Part title="Documents">
        <Lines items={documentLines(asOf.documents)} empty="Aucun document à cette date." label="Documents à cette date" />
      </Part>

      <Part title="Décisions du jury">
        <Lines
          items={decisionLines(asOf.decisions)}
          empty="Aucune décision du jury à cette date."
          label="Décisions du jury à cette date"
        />
      </Part>

      <Part title="Historique">
        <p data-testid="file-as-of-events" data-count={asOf.events.length}>
          {eventCount(asOf.events.length)} à cette date
          {events.length < asOf.events.length ? `, dont les ${events.length} derniers :` : events.length > 0 ? ' :' : '.'}
        </p>
        {events.length > 0 && (
          <ol className="texts" aria-label="Derniers événements à cette date, du plus récent au plus ancien">
            {events.map((e) => (
              <li key={e.seq}>
                {e.at} — {e.text}
              </li>
            ))}
          </ol>
        )}
      </Part>
    </article>
  );
}
