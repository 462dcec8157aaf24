// Transfers of a file between certification centres: their shapes, the French
// labels and sentences about them, who may propose, answer or read them, and
// the order of the lists. The file's centre proposes with a reason; nothing
// moves until the receiving centre accepts; it may refuse with a reason, and
// the proposing centre may withdraw its proposal while it is unanswered.

import { isFileCoordinator } from './correction';
import { FINAL_STATES } from './deadlines';
import { TRANSFER_REASON_MESSAGE } from '../../shared/errors/errors';
import { formatParisDateTime, ofName } from '../../shared/format/format';
import type { User } from '../../shared/api/types';

export const TRANSFERS_PATH = '/transferts';

export type TransferState = 'proposed' | 'accepted' | 'refused' | 'cancelled';
export type TransferDirection = 'incoming' | 'outgoing' | 'all';

export interface TransferCentre {
  id: string;
  name: string;
}

export interface TransferPerson {
  id: string;
  display_name: string;
}

/** FileTransfer of the API. */
export interface FileTransfer {
  id: string;
  file: { id: string; candidate_name: string; cqpm: string; state: string };
  from_centre: TransferCentre;
  to_centre: TransferCentre;
  reason: string;
  state: TransferState | string;
  proposed_by: TransferPerson;
  proposed_at: string;
  answered_by: TransferPerson | null;
  answered_at: string | null;
  /** The refusal's reason, or the word left with an acceptance. */
  answer: string | null;
}

/** An active centre a file may be transferred to (GET /centres). */
export interface ReceivingCentre {
  id: string;
  name: string;
  region: string | null;
  departements: string[];
}

type Reader = Pick<User, 'role' | 'organisation'> | null | undefined;
type FileOfCentre = { state: string; centre: { id: string } };

const STATE_LABELS: Record<string, string> = {
  proposed: 'Proposé',
  accepted: 'Accepté',
  refused: 'Refusé',
  cancelled: 'Retiré',
};

export function transferStateLabel(state: string): string {
  return STATE_LABELS[state] ?? state;
}

/** The « Transferts » page (and its link in the header): the centres' coordinators and the platform administrator. */
export function canSeeTransfers(user: Reader): boolean {
  return user?.role === 'centre_coordinator' || user?.role === 'admin';
}

/** The file's coordinator proposes its transfer while the file is open (the server also refuses one on a jury agenda). */
export function canProposeTransfer(user: Reader, file: FileOfCentre): boolean {
  return isFileCoordinator(user, file) && !FINAL_STATES.includes(file.state);
}

/** Who reads a file's transfers (GET /files/{id}/transfers); anyone else is refused (403), so the page does not ask. */
export function readsFileTransfers(user: Reader, file: FileOfCentre): boolean {
  return isFileCoordinator(user, file) || user?.role === 'admin';
}

/** Only a centre's coordinator answers or withdraws, for their own centre (the platform reads). */
export function answersTransfers(user: Reader): boolean {
  return user?.role === 'centre_coordinator';
}

/** The transfer of the file waiting for an answer, if any (there is at most one). */
export function pendingTransfer(items: readonly FileTransfer[]): FileTransfer | null {
  return [...items].reverse().find((t) => t.state === 'proposed') ?? null;
}

/** The answered or withdrawn transfers, in the order given (the file's: oldest first). */
export function pastTransfers(items: readonly FileTransfer[]): FileTransfer[] {
  return items.filter((t) => t.state !== 'proposed');
}

/** « Transfert proposé à <centre> le <date> — en attente de réponse », Paris time. */
export function pendingBanner(transfer: Pick<FileTransfer, 'to_centre' | 'proposed_at'>): string {
  return `Transfert proposé à ${transfer.to_centre.name} le ${formatParisDateTime(transfer.proposed_at)} — en attente de réponse`;
}

/** One line of a file's transfer history: what happened, to whom, when and by whom. */
export function transferHistoryLine(transfer: FileTransfer): string {
  const to = transfer.to_centre.name;
  const at = formatParisDateTime(transfer.answered_at ?? transfer.proposed_at);
  const by = transfer.answered_by ? ` par ${transfer.answered_by.display_name}` : '';
  switch (transfer.state) {
    case 'accepted':
      return `Transféré de ${transfer.from_centre.name} à ${to} le ${at}, accepté${by}.`;
    case 'refused':
      return `Transfert à ${to} refusé le ${at}${by}.`;
    case 'cancelled':
      return `Proposition de transfert à ${to} retirée le ${at}${by}.`;
    default:
      return `Transfert proposé à ${to} le ${at} par ${transfer.proposed_by.display_name}.`;
  }
}

/** "Centre de certification UIMM Hauts-de-France (Hauts-de-France)": the name, then its région when known. */
export function centreOptionLabel(centre: Pick<ReceivingCentre, 'name' | 'region'>): string {
  return centre.region ? `${centre.name} (${centre.region})` : centre.name;
}

/** The centres by name, in French order. */
export function sortCentres(centres: readonly ReceivingCentre[]): ReceivingCentre[] {
  return [...centres].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The centre on the other side: the proposing one for a transfer received, the receiving one for a transfer sent. */
export function otherCentre(transfer: FileTransfer, direction: Exclude<TransferDirection, 'all'>): TransferCentre {
  return direction === 'incoming' ? transfer.from_centre : transfer.to_centre;
}

/** The last thing that happened to the transfer: its answer, else its proposal. */
function lastActAt(transfer: FileTransfer): string {
  return transfer.answered_at ?? transfer.proposed_at;
}

/** A table's order: the proposals waiting for an answer first, then the newest act first. */
export function sortForTable(items: readonly FileTransfer[]): FileTransfer[] {
  return [...items].sort((a, b) => {
    const pendingA = a.state === 'proposed' ? 0 : 1;
    const pendingB = b.state === 'proposed' ? 0 : 1;
    if (pendingA !== pendingB) return pendingA - pendingB;
    const byDate = Date.parse(lastActAt(b)) - Date.parse(lastActAt(a));
    return Number.isNaN(byDate) ? 0 : byDate;
  });
}

/** The list with a transfer as the server answered it after an act, in its place. */
export function replaceTransfer(items: readonly FileTransfer[], updated: FileTransfer): FileTransfer[] {
  return items.map((t) => (t.id === updated.id ? updated : t));
}

/** What the page says after the receiving centre accepted. */
export function acceptedNotice(transfer: FileTransfer): string {
  return `Transfert accepté : le dossier ${ofName(transfer.file.candidate_name)} est désormais suivi par votre centre.`;
}

/** What the page says after the receiving centre refused. */
export function refusedNotice(transfer: FileTransfer): string {
  return `Transfert du dossier ${ofName(transfer.file.candidate_name)} refusé : ${transfer.from_centre.name} en reçoit le motif.`;
}

/** What the page says after the proposing centre withdrew its proposal. */
export function withdrawnNotice(transfer: FileTransfer): string {
  return `Proposition de transfert du dossier ${ofName(transfer.file.candidate_name)} à ${transfer.to_centre.name} retirée.`;
}

export const TRANSFER_CENTRE_REQUIRED_MESSAGE = 'Choisissez le centre qui suivra le dossier.';

/** The checks of the proposal form before it is confirmed: a centre chosen and a reason. */
export function validateTransferProposal(centreId: string, reason: string): Partial<Record<'centre_id' | 'reason', string>> {
  const errors: Partial<Record<'centre_id' | 'reason', string>> = {};
  if (!centreId) errors.centre_id = TRANSFER_CENTRE_REQUIRED_MESSAGE;
  if (!reason.trim()) errors.reason = TRANSFER_REASON_MESSAGE;
  return errors;
}
