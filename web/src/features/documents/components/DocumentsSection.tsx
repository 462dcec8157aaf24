import { useRef, useState, type FormEvent } from 'react';
import { documentApi, documentContentUrl } from '../documentApi';
import { describeCollaborationError } from '../../files/collaborationErrors';
import type { FileDocument } from '../documentTypes';
import { ACCEPTED_TYPES, DOCUMENT_KINDS, documentName, formatSize, kindLabel, mimeLabel, versionsNewestFirst } from '../documents';
import type { ErrorDescription } from '../../../shared/errors/errors';
import { formatShortDateTime } from '../../../shared/format/format';
import '../../files/collaboration.css';
import { NoticeLine, type Notice as NoticeValue } from '../../../shared/ui/NoticeLine';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

type Notice = NoticeValue | null;


function errorNotice(error: ErrorDescription): Notice {
  return { kind: 'error', text: error.text, technical: error.technical };
}

/** The form that adds a document (kind + file) to the file. */
function UploadForm({ fileId, onUploaded }: { fileId: string; onUploaded: () => void }) {
  const [kind, setKind] = useState('report');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = input.current?.files?.[0];
    if (!chosen) {
      setNotice({ kind: 'error', text: 'Choisissez un fichier à envoyer.' });
      input.current?.focus();
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const document = await documentApi.uploadDocument(fileId, kind, chosen);
      if (input.current) input.current.value = '';
      setNotice({ kind: 'success', text: `« ${documentName(document)} » déposé (${kindLabel(document.kind).toLowerCase()}).` });
      onUploaded();
    } catch (err) {
      setNotice(errorNotice(describeCollaborationError(err, 'upload')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="upload-form" onSubmit={(e) => void submit(e)} data-testid="document-upload-form" noValidate>
      <div className="field">
        <label htmlFor="document-kind">Nature du document</label>
        <select id="document-kind" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="document-kind">
          {DOCUMENT_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--grow">
        <label htmlFor="document-file">Fichier</label>
        <input id="document-file" type="file" ref={input} accept={ACCEPTED_TYPES} data-testid="document-file" />
      </div>
      <div className="upload-form__submit">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="document-submit">
          {busy ? 'Envoi…' : 'Déposer le document'}
        </button>
      </div>
      <div className="field--wide" aria-live="polite">
        <NoticeLine notice={notice} testId="document-notice" />
      </div>
    </form>
  );
}

/** "Nouvelle version" of one document: a file input that adds a version. */
function NewVersionForm({ document, onUploaded, onCancel }: { document: FileDocument; onUploaded: () => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = `document-version-${document.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = input.current?.files?.[0];
    if (!chosen) {
      setNotice({ kind: 'error', text: 'Choisissez un fichier à envoyer.' });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      await documentApi.uploadVersion(document.id, chosen);
      onUploaded();
    } catch (err) {
      setNotice(errorNotice(describeCollaborationError(err, 'upload')));
      setBusy(false);
    }
  }

  return (
    <form className="upload-form upload-form--inline" onSubmit={(e) => void submit(e)} data-testid="document-version-form">
      <div className="field field--grow">
        <label htmlFor={id}>Nouvelle version de « {documentName(document)} »</label>
        <input id={id} type="file" ref={input} accept={ACCEPTED_TYPES} data-testid="document-version-file" />
      </div>
      <div className="upload-form__submit">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="document-version-submit">
          {busy ? 'Envoi…' : 'Envoyer la nouvelle version'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Annuler
        </button>
      </div>
      <div className="field--wide" aria-live="polite">
        <NoticeLine notice={notice} testId="document-version-notice" />
      </div>
    </form>
  );
}

function DocumentItem({ document, canUpload, onUploaded }: { document: FileDocument; canUpload: boolean; onUploaded: () => void }) {
  const [adding, setAdding] = useState(false);
  const headingId = `document-${document.id}-title`;
  return (
    <li className="document" data-testid="document" data-document-id={document.id} data-kind={document.kind}>
      <div className="document__head">
        <h3 id={headingId} className="document__title">
          {documentName(document)} <span className="tag">{kindLabel(document.kind)}</span>
        </h3>
        {canUpload && !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)} data-testid="document-new-version">
            Nouvelle version
          </button>
        )}
      </div>
      {adding && (
        <NewVersionForm
          document={document}
          onCancel={() => setAdding(false)}
          onUploaded={() => {
            setAdding(false);
            onUploaded();
          }}
        />
      )}
      <ScrollBox>
        <table className="files-table document__versions" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Nom du fichier</th>
              <th scope="col">Taille</th>
              <th scope="col">Type</th>
              <th scope="col">Déposé par</th>
              <th scope="col">Date</th>
              <th scope="col">Fichier</th>
            </tr>
          </thead>
          <tbody>
            {versionsNewestFirst(document).map((v) => (
              <tr key={v.number} data-testid="document-version" data-version={v.number}>
                <td>{v.number}</td>
                <td className="document__filename">{v.filename}</td>
                <td>{formatSize(v.size)}</td>
                <td>{mimeLabel(v.mime_type)}</td>
                <td>{v.uploaded_by.display_name}</td>
                <td>
                  <time dateTime={v.uploaded_at}>{formatShortDateTime(v.uploaded_at)}</time>
                </td>
                <td>
                  {v.purged_at ? (
                    // The retention policy removed the bytes; the row says what was there (its hash stays).
                    <span className="muted" data-testid="document-purged" title={`Empreinte SHA-256 : ${v.sha256}`}>
                      Supprimé le <time dateTime={v.purged_at}>{formatShortDateTime(v.purged_at)}</time> (durée de
                      conservation écoulée)
                    </span>
                  ) : (
                    <a href={documentContentUrl(document.id, v.number)} download={v.filename} data-testid="document-download">
                      Télécharger<span className="visually-hidden"> la version {v.number} de {v.filename}</span>
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </li>
  );
}

/**
 * The file's documents (report, evidence, attestations): each with its
 * versions and download links; an upload form and "Nouvelle version" for
 * those who may add documents.
 */
export function DocumentsSection({
  fileId,
  documents,
  error,
  canUpload,
  onUploaded,
}: {
  fileId: string;
  documents: FileDocument[] | null;
  error: ErrorDescription | null;
  canUpload: boolean;
  onUploaded: () => void;
}) {
  return (
    <section className="panel" aria-labelledby="documents-title" data-testid="documents-section">
      <h2 id="documents-title">Documents</h2>
      {canUpload && <UploadForm fileId={fileId} onUploaded={onUploaded} />}
      {error && !documents ? (
        <p role="alert" className="alert alert--error" data-technical={error.technical ?? undefined}>
          {error.text}
        </p>
      ) : !documents ? (
        <p aria-live="polite">Chargement des documents…</p>
      ) : documents.length === 0 ? (
        <p className="muted" data-testid="documents-empty">
          Aucun document déposé pour ce dossier.
        </p>
      ) : (
        <ul className="documents" data-testid="documents">
          {documents.map((d) => (
            <DocumentItem key={d.id} document={d} canUpload={canUpload} onUploaded={onUploaded} />
          ))}
        </ul>
      )}
    </section>
  );
}
