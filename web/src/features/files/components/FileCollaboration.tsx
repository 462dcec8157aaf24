import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../../../shared/api/client';
import { documentApi } from '../../documents/documentApi';
import type { FileDocument } from '../../documents/documentTypes';
import { canUpload } from '../../documents/documents';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { showsCommission, showsGrid, showsOpinion } from '../fileSections';
import type { Revisions } from '../liveUpdates';
import type { User } from '../../../shared/api/types';
import type { CandidateFile, Workflow } from '../fileTypes';
import { CommentsSection } from './CommentsSection';
import { CommissionSection } from '../../evaluation/components/CommissionSection';
import { CompanyOpinionForm } from '../../opinion/components/CompanyOpinionForm';
import { DocumentsSection } from '../../documents/components/DocumentsSection';
import { EvaluationGrid } from '../../evaluation/components/EvaluationGrid';

/**
 * The file's collaborative content, each part in its own section: documents,
 * evaluation commission, grid, company opinion, comments. Each section
 * reloads when its counter in `revisions` changes (the live stream).
 */
export function FileCollaboration({
  file,
  user,
  workflow,
  revisions,
  onChanged,
}: {
  file: CandidateFile;
  user: User;
  workflow: Workflow | null;
  revisions: Revisions;
  /** Something was written from this page: reload the file (its version, its transitions). */
  onChanged: () => void;
}) {
  const [documents, setDocuments] = useState<FileDocument[] | null>(null);
  const [documentsError, setDocumentsError] = useState<ErrorDescription | null>(null);
  const [uploads, setUploads] = useState(0);

  const loadDocuments = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const r = await documentApi.documents(file.id, signal);
        setDocuments(r.items);
        setDocumentsError(null);
      } catch (err) {
        if (!isAbort(err)) setDocumentsError(reportError(err, { operation: 'load' }));
      }
    },
    [file.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void loadDocuments(controller.signal);
    return () => controller.abort();
  }, [loadDocuments, revisions.documents, uploads]);

  const final = workflow?.states.find((s) => s.id === file.state)?.final ?? false;
  return (
    <>
      <DocumentsSection
        fileId={file.id}
        documents={documents}
        error={documentsError}
        canUpload={canUpload(user.role, final)}
        onUploaded={() => {
          setUploads((n) => n + 1);
          onChanged();
        }}
      />
      {showsCommission(file.state, user.role) && <CommissionSection fileId={file.id} revision={revisions.commission} />}
      {showsGrid(file.state, user.role) && (
        <EvaluationGrid fileId={file.id} cqpm={file.cqpm} userId={user.id} documents={documents ?? []} revision={revisions.evaluation} />
      )}
      {showsOpinion(file.state, file.pathway) && <CompanyOpinionForm fileId={file.id} revision={revisions.opinion} />}
      <CommentsSection fileId={file.id} cqpm={file.cqpm} revision={revisions.comments} />
    </>
  );
}
