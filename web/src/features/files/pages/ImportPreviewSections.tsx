// The preview of a candidate import (errors first, then the valid lines) and what a confirmed import created.

import { Link } from 'react-router-dom';
import type { ImportPreview, ImportRow } from '../../admin/adminTypes';
import {
  asSentence,
  createdLabel,
  errorColumnLabel,
  importButtonLabel,
  previewCounts,
} from '../candidateImport';
import { Table } from '../../../shared/ui/Table';
import { Panel } from '../../../shared/ui/Panel';
import { candidateName, formatCalendarDate } from '../../../shared/format/format';
import { pathwayLabel } from '../../../shared/format/labels';
import { ScrollBox } from '../../../shared/ui/ScrollBox';

/** « de « candidats.csv » », after `lead`; nothing when the file had no name. */
const ofFile = (preview: ImportPreview, lead: string) => (preview.filename ? `${lead} « ${preview.filename} »` : '');

/** What the file would create: its errors first, then the valid lines, and « Importer N candidats ». */
export function PreviewSection({
  preview,
  busy,
  confirming,
  onConfirm,
}: {
  preview: ImportPreview;
  busy: boolean;
  confirming: boolean;
  onConfirm: () => void;
}) {
  return (
    <Panel id="import-preview-title" title={`Vérification${ofFile(preview, ' de')}`} testId="import-preview">
      <p className="import-counts" data-testid="import-counts">
        {previewCounts(preview)}
      </p>

      {preview.errors.length > 0 && (
        <>
          <h3>Erreurs à corriger</h3>
          <p className="muted">
            Corrigez ces lignes dans le fichier, puis vérifiez-le de nouveau : aucun dossier n'est créé tant qu'il reste
            une erreur.
          </p>
          <ScrollBox>
            <Table caption="Erreurs du fichier" columns={['Ligne', 'Colonne', 'Problème']} testId="import-errors">
              {preview.errors.map((e, i) => (
                <tr key={i} data-testid="import-error-row" data-line={e.line}>
                  <th scope="row">{e.line}</th>
                  <td>{e.column.trim() ? <code>{e.column}</code> : <span className="muted">{errorColumnLabel(e.column)}</span>}</td>
                  <td className="import-problem">{asSentence(e.message)}</td>
                </tr>
              ))}
            </Table>
          </ScrollBox>
        </>
      )}

      <h3>Candidats à importer</h3>
      {preview.rows.length === 0 ? (
        <p className="muted">Aucune ligne valide.</p>
      ) : (
        <ScrollBox>
          <Table
            caption="Candidats à importer"
            columns={['Ligne', 'Nom', 'Prénom', 'Date de naissance', 'E-mail', 'CQPM', 'Parcours', 'Entreprise']}
            testId="import-rows"
          >
            {preview.rows.map((row) => (
              <RowLine key={row.line} row={row} />
            ))}
          </Table>
        </ScrollBox>
      )}

      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onConfirm}
          disabled={!preview.can_confirm || busy}
          data-testid="import-confirm"
        >
          {confirming ? 'Import…' : importButtonLabel(preview.valid_count)}
        </button>
      </div>
    </Panel>
  );
}

export function RowLine({ row }: { row: ImportRow }) {
  return (
    <tr data-testid="import-row" data-line={row.line}>
      <th scope="row">{row.line}</th>
      <td>{row.family_name}</td>
      <td>{row.given_name}</td>
      <td>{formatCalendarDate(row.birth_date)}</td>
      <td>{row.email}</td>
      <td>{row.cqpm_title || row.cqpm}</td>
      <td>{pathwayLabel(row.pathway)}</td>
      <td>{row.company?.name ?? <span className="muted">—</span>}</td>
    </tr>
  );
}

/** « N dossiers créés », a link to each, and the way back to the dashboard. */
export function ConfirmedSection({ preview, onAgain }: { preview: ImportPreview; onAgain: () => void }) {
  const created = preview.rows.filter((r) => r.file_id);
  return (
    <Panel id="import-done-title" title={`Import terminé${ofFile(preview, ' :')}`} testId="import-done">
      <p role="status" className="alert alert--success" data-testid="import-created-count">
        {createdLabel(created.length)}
      </p>
      <ul className="plain-list import-created" data-testid="import-created">
        {created.map((r) => (
          <li key={r.line}>
            <Link to={`/dossiers/${encodeURIComponent(r.file_id!)}`} data-testid="import-created-file">
              {candidateName(r)}
            </Link>{' '}
            <span className="muted">— {r.cqpm_title || r.cqpm}</span>
          </li>
        ))}
      </ul>
      <p className="ref-links">
        <Link to="/" data-testid="import-dashboard">
          Retour au tableau de bord
        </Link>
        <button type="button" className="button button--link" onClick={onAgain}>
          Importer un autre fichier
        </button>
      </p>
    </Panel>
  );
}
