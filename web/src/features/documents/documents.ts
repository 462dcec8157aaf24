// Documents of a candidate file: kinds, sizes, versions, as the pages show them.

import type { DocumentVersion, FileDocument } from './documentTypes';

export const DOCUMENT_KINDS: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'report', label: 'Rapport' },
  { id: 'evidence', label: 'Preuve' },
  { id: 'attestation', label: 'Attestation' },
  { id: 'other', label: 'Autre' },
];

/** What the file input accepts (the server sniffs the bytes anyway). */
export const ACCEPTED_TYPES = '.pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.png,.jpg,.jpeg';

export function kindLabel(kind: string): string {
  return DOCUMENT_KINDS.find((k) => k.id === kind)?.label ?? kind;
}

const MIME_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'Image PNG',
  'image/jpeg': 'Image JPEG',
  'application/vnd.oasis.opendocument.text': 'Texte OpenDocument',
  'application/vnd.oasis.opendocument.spreadsheet': 'Classeur OpenDocument',
  'application/vnd.oasis.opendocument.presentation': 'Présentation OpenDocument',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Document Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Classeur Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'Présentation PowerPoint',
};

export function mimeLabel(mime: string): string {
  return MIME_LABELS[mime] ?? mime;
}

const number = (digits: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits });

/** "512 o", "12,3 Ko", "4,2 Mo" (French units, 1 Ko = 1 024 octets). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${number(1).format(bytes / 1024)} Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${number(1).format(bytes / (1024 * 1024))} Mo`;
  return `${number(2).format(bytes / (1024 * 1024 * 1024))} Go`;
}

export function latestVersion(document: FileDocument): DocumentVersion | null {
  if (document.versions.length === 0) return null;
  return document.versions.reduce((a, b) => (b.number > a.number ? b : a));
}

/** Newest versions first, as the list shows them. */
export function versionsNewestFirst(document: FileDocument): DocumentVersion[] {
  return [...document.versions].sort((a, b) => b.number - a.number);
}

/** The name a document is known by: its latest version's file name, with its kind. */
export function documentName(document: FileDocument): string {
  const latest = latestVersion(document);
  return latest ? latest.filename : kindLabel(document.kind);
}

/** Who may add documents: the centre, the company and the candidate, while the file is open. */
export function canUpload(role: string | undefined, finalState: boolean): boolean {
  if (finalState) return false;
  return role === 'centre_coordinator' || role === 'company_tutor' || role === 'candidate';
}
