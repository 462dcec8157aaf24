import { useMemo } from 'react';
import type { FileEvent, Workflow } from '../fileTypes';
import { visitedStates } from '../workflow';
import { WorkflowDiagram } from './WorkflowDiagram';

/** Beside a file: its circuit (the workflow, the states it went through). Its history is in the main column. */
export function FileSidePanel({
  workflow,
  state,
  events,
}: {
  workflow: Workflow | null;
  state: string;
  /** null while they load. */
  events: FileEvent[] | null;
}) {
  const visited = useMemo(() => visitedStates(events ?? []), [events]);
  return (
    <aside className="file-side panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Circuit du dossier</h2>
      {workflow ? (
        <WorkflowDiagram workflow={workflow} current={state} visited={visited} />
      ) : (
        <p className="muted">Chargement du circuit…</p>
      )}
    </aside>
  );
}
