import { useEffect, useState, type FormEvent } from 'react';
import { isNotForReader } from '../../../shared/api/client';
import { commentApi } from '../commentApi';
import { describeCollaborationError } from '../collaborationErrors';
import type { FileComment } from '../fileTypes';
import { commentSubject, filterComments, type CommentFilter } from '../comments';
import { loadCqpm } from '../../referentials/cqpmCatalog';
import { reportError } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { roleLabel } from '../../../shared/format/labels';
import '../collaboration.css';
import { useApiResource } from '../../../shared/hooks/useApiResource';

type Notice = { kind: 'success' | 'error'; text: string; technical?: string | null } | null;

/** The competencies of the file's CQPM, for the subject of a comment. */
function useCompetencies(cqpm: string): { number: number; title: string }[] {
  const [list, setList] = useState<{ number: number; title: string }[]>([]);
  useEffect(() => {
    let live = true;
    loadCqpm(cqpm).then(
      (detail) =>
        live && setList(detail.referential.blocs.flatMap((b) => b.competencies.map((c) => ({ number: c.number, title: c.title })))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [cqpm]);
  return list;
}

function CommentForm({
  fileId,
  competencies,
  onAdded,
}: {
  fileId: string;
  competencies: { number: number; title: string }[];
  onAdded: (comment: FileComment) => void;
}) {
  const [body, setBody] = useState('');
  const [subject, setSubject] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) {
      setNotice({ kind: 'error', text: 'Écrivez un commentaire.' });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const comment = await commentApi.addComment(fileId, body.trim(), subject || null);
      setBody('');
      onAdded(comment);
    } catch (err) {
      const described = describeCollaborationError(err, 'comment', { body });
      setNotice({ kind: 'error', text: described.text, technical: described.technical });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate data-testid="comment-form">
      <div className="field">
        <label htmlFor="comment-subject">Sujet</label>
        <select id="comment-subject" value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="comment-subject">
          <option value="">Commentaire général</option>
          {competencies.map((c) => (
            <option key={c.number} value={String(c.number)}>
              Compétence {c.number} — {c.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="comment-body">Votre commentaire</label>
        <textarea
          id="comment-body"
          rows={3}
          maxLength={4000}
          value={body}
          disabled={busy}
          onChange={(e) => setBody(e.target.value)}
          data-testid="comment-body-input"
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy} data-testid="comment-submit">
        {busy ? 'Publication…' : 'Publier le commentaire'}
      </button>
      <div aria-live="polite">
        {notice && (
          <p role="alert" className="alert alert--error" data-testid="comment-error" data-technical={notice.technical ?? undefined}>
            {notice.text}
          </p>
        )}
      </div>
    </form>
  );
}

/** Comments on the file, general or about one competency; never edited, oldest first. */
export function CommentsSection({
  fileId,
  cqpm,
  revision,
  canComment,
}: {
  fileId: string;
  cqpm: string;
  revision: number;
  /** False for a reader who may not write (the GTP's auditor): the comments without the form. */
  canComment: boolean;
}) {
  const [hidden, setHidden] = useState(false);
  const [filter, setFilter] = useState<CommentFilter>('all');
  const competencies = useCompetencies(cqpm);
  const {
    data: comments,
    setData: setComments,
    error,
  } = useApiResource<FileComment[]>((signal) => commentApi.comments(fileId, signal).then((r) => r.items), [fileId, revision], {
    clearOnChange: false,
    describe: (err) => {
      if (!isNotForReader(err)) return reportError(err, { operation: 'load' });
      setHidden(true);
      return null;
    },
  });

  if (hidden) return null;
  const shown = comments ? filterComments(comments, filter) : null;
  const titleOf = (n: string | null) => commentSubject(n, competencies);
  return (
    <section className="panel" aria-labelledby="comments-title" data-testid="comments-section">
      <h2 id="comments-title">Commentaires</h2>
      {error && (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      )}
      {comments && comments.length > 0 && (
        <div className="field comments__filter">
          <label htmlFor="comment-filter">Afficher</label>
          <select id="comment-filter" value={filter} onChange={(e) => setFilter(e.target.value as CommentFilter)}>
            <option value="all">Tous les commentaires</option>
            <option value="general">Commentaires généraux</option>
            {competencies.map((c) => (
              <option key={c.number} value={String(c.number)}>
                Compétence {c.number}
              </option>
            ))}
          </select>
        </div>
      )}
      {!shown ? (
        !error && <p aria-live="polite">Chargement des commentaires…</p>
      ) : shown.length === 0 ? (
        <p className="muted" data-testid="comments-empty">
          Aucun commentaire.
        </p>
      ) : (
        <ol className="comments" data-testid="comments">
          {shown.map((c) => (
            <li key={c.id} className="comment" data-testid="comment" data-competency={c.competency ?? ''}>
              <p className="comment__head">
                <strong>{c.author.display_name}</strong> <span className="muted">({roleLabel(c.author.role)})</span> ·{' '}
                <time dateTime={c.created_at}>{formatDateTime(c.created_at)}</time> ·{' '}
                <span className="tag" data-testid="comment-subject-tag">
                  {titleOf(c.competency)}
                </span>
              </p>
              <p className="comment__body pre-wrap" data-testid="comment-body">
                {c.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <CommentForm
          fileId={fileId}
          competencies={competencies}
          onAdded={(comment) => setComments((list) => (list && !list.some((c) => c.id === comment.id) ? [...list, comment] : list))}
        />
      )}
    </section>
  );
}
