import type { Workflow } from '../fileTypes';
import { splitStates } from '../workflow';

/** The states in order as a row of steps, then the final outcomes; the current state stands out. */
export function WorkflowDiagram({
  workflow,
  current,
  visited,
}: {
  workflow: Workflow;
  current: string;
  visited: ReadonlySet<string>;
}) {
  const { path, outcomes } = splitStates(workflow);
  const className = (id: string) =>
    ['wf-step', id === current ? 'wf-step--current' : visited.has(id) ? 'wf-step--done' : ''].join(' ').trim();

  return (
    <figure className="workflow" data-testid="workflow-diagram" aria-labelledby="workflow-caption">
      <figcaption id="workflow-caption" className="visually-hidden">
        {workflow.title} : état actuel mis en évidence
      </figcaption>
      <ol className="wf-path">
        {path.map((s) => (
          <li key={s.id} className={className(s.id)} aria-current={s.id === current ? 'step' : undefined} data-state={s.id}>
            {s.label}
            {s.id === current && <span className="visually-hidden"> (état actuel)</span>}
          </li>
        ))}
      </ol>
      {outcomes.length > 0 && (
        <>
          <p className="wf-outcomes-title">Issues</p>
          <ul className="wf-outcomes">
            {outcomes.map((s) => (
              <li key={s.id} className={className(s.id)} aria-current={s.id === current ? 'step' : undefined} data-state={s.id}>
                {s.label}
                {s.id === current && <span className="visually-hidden"> (état actuel)</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
