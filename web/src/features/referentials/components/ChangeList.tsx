import { expandIdentityChanges, identityActionLabel, identityValueText, isIdentityChange } from '../identityDiff';
import {
  actionLabel,
  changeSides,
  changeSubject,
  changesSummary,
  formatValue,
  groupChanges,
  moveDescription,
  wordDiff,
  type Segment,
} from '../referentialHistory';
import type { Referential, ReferentialChange } from '../referentialTypes';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

function Segments({ segments, mark }: { segments: Segment[]; mark: 'del' | 'ins' }) {
  return (
    <>
      {segments.map((s, i) => {
        if (!s.changed) return <span key={i}>{s.text}</span>;
        return mark === 'del' ? (
          <del key={i} className="diff-word diff-word--removed">
            {s.text}
          </del>
        ) : (
          <ins key={i} className="diff-word diff-word--added">
            {s.text}
          </ins>
        );
      })}
    </>
  );
}

function Absent() {
  return (
    <span className="muted" aria-label="absent">
      —
    </span>
  );
}

/**
 * A change of the certification's identity (a member, a bloc's RNCP code): both sides
 * always shown, « non renseigné » where nothing was recorded, no word-level marks.
 */
function IdentityChangeRow({ change }: { change: ReferentialChange }) {
  const removed = change.action === 'removed';
  const added = change.action === 'added' || change.action === 'filled';
  return (
    <tr
      className={`diff-row diff-row--${change.action}`}
      data-testid="diff-change"
      data-kind={change.kind}
      data-action={change.action}
      data-path={change.path}
    >
      <th scope="row" className="diff-subject">
        <span className={`diff-action diff-action--${change.action}`}>{identityActionLabel(change)}</span>
        <span className="diff-subject__text">{changeSubject(change)}</span>
      </th>
      <td className={`diff-cell diff-cell--old${added ? '' : ' diff-cell--removed'}`} data-testid="diff-old">
        <span className={added ? 'muted' : undefined}>{identityValueText(change, change.old_value)}</span>
      </td>
      <td className={`diff-cell diff-cell--new${removed ? '' : ' diff-cell--added'}`} data-testid="diff-new">
        <span className={removed ? 'muted' : undefined}>{identityValueText(change, change.new_value)}</span>
      </td>
    </tr>
  );
}

function ChangeRow({ change }: { change: ReferentialChange }) {
  if (isIdentityChange(change)) return <IdentityChangeRow change={change} />;
  const sides = changeSides(change);
  const before = sides.old ? formatValue(change.old_value, change.kind) : null;
  const after = sides.new ? formatValue(change.new_value, change.kind) : null;
  const reworded =
    change.action === 'reworded' && typeof change.old_value === 'string' && typeof change.new_value === 'string'
      ? wordDiff(change.old_value, change.new_value)
      : null;
  const move = moveDescription(change);
  const oldClass =
    change.action === 'removed' || change.action === 'reworded' || change.action === 'changed' ? ' diff-cell--removed' : '';
  const newClass =
    change.action === 'added' || change.action === 'filled' || change.action === 'reworded' || change.action === 'changed'
      ? ' diff-cell--added'
      : '';
  return (
    <tr
      className={`diff-row diff-row--${change.action}`}
      data-testid="diff-change"
      data-kind={change.kind}
      data-action={change.action}
      data-path={change.path}
    >
      <th scope="row" className="diff-subject">
        <span className={`diff-action diff-action--${change.action}`}>{actionLabel(change.action)}</span>
        <span className="diff-subject__text">{changeSubject(change)}</span>
        {move && <span className="muted diff-subject__move">{move}</span>}
      </th>
      <td className={`diff-cell diff-cell--old${oldClass}`} data-testid="diff-old">
        {before === null ? <Absent /> : reworded ? <Segments segments={reworded.old} mark="del" /> : before}
      </td>
      <td className={`diff-cell diff-cell--new${newClass}`} data-testid="diff-new">
        {after === null ? <Absent /> : reworded ? <Segments segments={reworded.new} mark="ins" /> : after}
      </td>
    </tr>
  );
}

/**
 * The changes between two versions of a referential, side by side (old on the left, new on
 * the right), grouped by bloc and competency: additions in green, removals in red,
 * rewordings both, with the words that changed marked.
 */
export function ChangeList({
  changes: reported,
  referentials = [],
  oldLabel,
  newLabel,
}: {
  changes: readonly ReferentialChange[];
  /** The new version's referential first, then the old one: for the titles of blocs and competencies. */
  referentials?: ReadonlyArray<Referential | null | undefined>;
  oldLabel: string;
  newLabel: string;
}) {
  // A change of the whole identity, member by member.
  const changes = expandIdentityChanges(reported);
  if (changes.length === 0) {
    return (
      <p className="muted empty" data-testid="diff-empty">
        Aucun changement entre ces deux versions.
      </p>
    );
  }
  const groups = groupChanges(changes, referentials);
  return (
    <div className="diff" data-testid="diff">
      <p className="diff-summary" data-testid="diff-summary">
        {changesSummary(changes)}
      </p>
      {groups.map((group) => (
        <section key={group.key} className="panel diff-group" data-testid="diff-group" aria-label={group.title}>
          <h2 className="diff-group__title">{group.title}</h2>
          {group.sections.map((section) => (
            <div key={section.key} className="diff-section" data-testid="diff-section" data-competency={section.competency ?? undefined}>
              {section.title && <h3 className="diff-section__title">{section.title}</h3>}
              <ScrollBox>
                <table className="diff-table">
                  <thead>
                    <tr>
                      <th scope="col" className="diff-table__subject">
                        Élément
                      </th>
                      <th scope="col">{oldLabel}</th>
                      <th scope="col">{newLabel}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.changes.map((change, i) => (
                      <ChangeRow key={`${change.path}-${i}`} change={change} />
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
