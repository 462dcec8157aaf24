import { useMemo } from 'react';
import type { FileEvent, Workflow } from '../fileTypes';
import type { StreamStatus } from '../useFileStream';
import { visitedStates } from '../workflow';
import { ActivityFeed, LiveStatus } from './ActivityFeed';
import { WorkflowDiagram } from './WorkflowDiagram';

/** Beside a file: its circuit (the workflow, the states it went through) and its live activity feed. */
export function FileSidePanel({
  workflow,
  state,
  events,
  streamStatus,
}: {
  workflow: Workflow | null;
  state: string;
  /** null while they load. */
  events: FileEvent[] | null;
  streamStatus: StreamStatus;
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
      <h2 id="activity-title" className="section-title">
        Activité
      </h2>
      <LiveStatus status={streamStatus} />
      {events ? <ActivityFeed events={events} workflow={workflow} /> : <p>Chargement…</p>}
    </aside>
  );
}
