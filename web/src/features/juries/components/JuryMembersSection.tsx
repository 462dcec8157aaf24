import { useState, type ReactNode } from 'react';
import { type ErrorDescription, reportError } from '../../../shared/errors/errors';
import { collegeName } from '../jury';
import type { JuryMember } from '../juryTypes';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** The members of a session by college, with their attendance (the coordinator records it). */
export function JuryMembersSection({
  members,
  editable,
  frozen = false,
  onAttendance,
  children,
}: {
  members: JuryMember[];
  editable: boolean;
  /** The deliberation opened: who sits and who is present no longer change (the minutes record them). */
  frozen?: boolean;
  onAttendance: (userId: string, present: boolean) => Promise<void>;
  /** The invitation form, for the coordinator. */
  children?: ReactNode;
}) {
  // The box shows the click at once; the server's answer (the members) then confirms it.
  const [pending, setPending] = useState<{ userId: string; present: boolean } | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);

  async function toggle(member: JuryMember, present: boolean) {
    setPending({ userId: member.user_id, present });
    setError(null);
    try {
      await onAttendance(member.user_id, present);
    } catch (err) {
      setError(reportError(err, { fields: {} }));
    } finally {
      setPending(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="jury-members-title">
      <h2 id="jury-members-title">Membres du jury</h2>
      {frozen && (
        <p className="muted" data-testid="jury-members-frozen">
          La délibération est ouverte : la composition du jury et les présences ne changent plus. Une
          correction s'enregistre comme erratum.
        </p>
      )}
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {members.length === 0 ? (
        <p className="muted">Aucun membre convoqué pour le moment.</p>
      ) : (
        <ScrollBox>
          <table className="files-table" data-testid="jury-members">
            <caption className="visually-hidden">Membres convoqués et présence</caption>
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">Collège</th>
                <th scope="col">Entreprise d'origine</th>
                <th scope="col">Présence</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.user_id} data-testid="jury-member" data-user-id={m.user_id} data-present={m.present}>
                  <th scope="row">{m.display_name}</th>
                  <td>{collegeName(m.college)}</td>
                  <td>{m.company?.name ?? <span className="muted">—</span>}</td>
                  <td>
                    {editable ? (
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={pending?.userId === m.user_id ? pending.present : m.present}
                          disabled={pending !== null}
                          onChange={(e) => void toggle(m, e.target.checked)}
                          data-testid="jury-member-present"
                        />{' '}
                        Présent
                        <span className="visually-hidden"> : {m.display_name}</span>
                      </label>
                    ) : m.present ? (
                      'Présent'
                    ) : (
                      <span className="muted">Absent</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {children}
    </section>
  );
}
