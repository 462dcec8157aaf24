import type { AvailableTransition } from '../fileTypes';
import { needsInput } from '../workflow';

/**
 * « Actions »: a button per transition the reader may fire; one asking for a
 * reason or blocs opens its dialog (« … »). Every button waits while one is sent.
 */
export function FileActionsPanel({
  transitions,
  firing,
  dialogOpen,
  onTransition,
}: {
  transitions: AvailableTransition[];
  /** The transition being sent, if any. */
  firing: string | null;
  /** A transition's dialog is open: it shows the sending, not its button. */
  dialogOpen: boolean;
  onTransition: (transition: AvailableTransition) => void;
}) {
  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {transitions.length === 0 ? (
        <p className="muted">Aucune action possible pour vous dans cet état.</p>
      ) : (
        <div className="actions" data-testid="transitions">
          {transitions.map((t) => (
            <button
              key={t.id}
              type="button"
              className={`button ${t.id === 'withdraw' || t.id === 'refuse_certification' ? 'button--danger' : 'button--primary'}`}
              onClick={() => onTransition(t)}
              disabled={firing !== null}
              data-testid={`transition-${t.id}`}
              data-transition={t.id}
              data-to={t.to}
              aria-haspopup={needsInput(t) ? 'dialog' : undefined}
            >
              {firing === t.id && !dialogOpen ? 'Envoi…' : t.label}
              {needsInput(t) ? '…' : ''}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
