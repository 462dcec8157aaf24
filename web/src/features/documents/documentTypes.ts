// Shapes of a file's documents (GET/POST /files/{id}/documents, /documents/{id}/versions).

export type DocumentKind = 'report' | 'evidence' | 'attestation' | 'other';

export interface DocumentVersion {
  number: number;
  sha256: string;
  size: number;
  mime_type: string;
  filename: string;
  uploaded_by: { id: string; display_name: string };
  uploaded_at: string;
  /** When the retention policy removed the bytes (the download then answers 410); absent or null while kept. */
  purged_at?: string | null;
}

/** GET /files/{id}/documents items; versions oldest first. */
export interface FileDocument {
  id: string;
  file_id: string;
  kind: DocumentKind | string;
  created_at: string;
  versions: DocumentVersion[];
}
