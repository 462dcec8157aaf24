import { documentApi } from '../../documents/documentApi';
import type { FileDocument } from '../../documents/documentTypes';
import { canUpload } from '../../documents/documents';
import { showsCommission, showsGrid, showsOpinion, writesComments } from '../fileSections';
import type { Revisions } from '../liveUpdates';
import type { User } from '../../../shared/api/types';
import type { CandidateFile, Workflow } from '../fileTypes';
import { CommentsSection } from './CommentsSection';
import { CommissionSection } from '../../evaluation/components/CommissionSection';
import { CompanyOpinionForm } from '../../opinion/components/CompanyOpinionForm';
import { GIVE_COMPANY_OPINION } from '../../opinion/companyOpinion';
import { DocumentsSection } from '../../documents/components/DocumentsSection';
import { EvaluationGrid } from '../../evaluation/components/EvaluationGrid';
import { useApiResource } from '../../../shared/hooks/useApiResource';

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
  const {
    data: documents,
    error: documentsError,
    reload: reloadDocuments,
  } = useApiResource<FileDocument[]>(
    (signal) => documentApi.documents(file.id, signal).then((r) => r.items),
    [file.id, revisions.documents],
    { context: { operation: 'load' }, clearOnChange: false },
  );

  const final = workflow?.states.find((s) => s.id === file.state)?.final ?? false;
  return (
    <>
      <DocumentsSection
        fileId={file.id}
        documents={documents}
        error={documentsError}
        canUpload={canUpload(user.role, final)}
        onUploaded={() => {
          reloadDocuments();
          onChanged();
        }}
      />
      {showsCommission(file.state, user.role) && <CommissionSection fileId={file.id} revision={revisions.commission} />}
      {showsGrid(file.state, user.role) && (
        <EvaluationGrid fileId={file.id} cqpm={file.cqpm} userId={user.id} documents={documents ?? []} revision={revisions.evaluation} />
      )}
      {showsOpinion(file.state, file.pathway) && (
        <CompanyOpinionForm
          fileId={file.id}
          revision={revisions.opinion}
          transmitLabel={file.available_transitions.find((t) => t.id === GIVE_COMPANY_OPINION)?.label ?? null}
        />
      )}
      <CommentsSection fileId={file.id} cqpm={file.cqpm} revision={revisions.comments} canComment={writesComments(user.role)} />
    </>
  );
}
