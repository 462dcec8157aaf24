import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import {
  REFUSAL_REASON_MESSAGE,
  TRANSFER_ANSWERED_MESSAGE,
  TRANSFER_CENTRE_MESSAGE,
  TRANSFER_CLOSED_MESSAGE,
  TRANSFER_PENDING_MESSAGE,
  TRANSFER_REASON_MESSAGE,
  describeError,
} from '../../shared/errors/errors';
import { bodyOf, headersOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';
import { formatParisDateTime, formatParisShortDateTime, ofName } from '../../shared/format/format';
import { notificationLink, notificationLinkLabel } from '../notifications/notifications';
import { transferApi } from './transferApi';
import {
  TRANSFER_CENTRE_REQUIRED_MESSAGE,
  acceptedNotice,
  answersTransfers,
  canProposeTransfer,
  canSeeTransfers,
  centreOptionLabel,
  otherCentre,
  pastTransfers,
  pendingBanner,
  pendingTransfer,
  readsFileTransfers,
  refusedNotice,
  replaceTransfer,
  sortCentres,
  sortForTable,
  transferHistoryLine,
  transferStateLabel,
  validateTransferProposal,
  withdrawnNotice,
  type FileTransfer,
} from './transfers';

const LYON = { id: 'lyon', name: 'Centre de certification UIMM Rhône-Alpes' };
const LILLE = { id: 'lille', name: 'Centre de certification UIMM Hauts-de-France' };

function transfer(id: string, state: string, proposed_at: string, answered_at: string | null = null): FileTransfer {
  return {
    id,
    file: { id: `f-${id}`, candidate_name: 'Emma Lefèvre', cqpm: 'industrialisation', state: 'draft' },
    from_centre: LYON,
    to_centre: LILLE,
    reason: 'Le candidat a déménagé à Lille',
    state,
    proposed_by: { id: 'u1', display_name: 'Claire Moreau' },
    proposed_at,
    answered_by: answered_at ? { id: 'u2', display_name: 'Julien Lefebvre' } : null,
    answered_at,
    answer: state === 'refused' ? 'Pas de place' : null,
  };
}

const coordinator = (centre: string) => ({ role: 'centre_coordinator', organisation: { id: centre, name: centre } });

describe('transfers: who does what', () => {
  it("lets the file's coordinator propose while the file is open", () => {
    expect(canProposeTransfer(coordinator('lyon'), { state: 'under_evaluation', centre: LYON })).toBe(true);
    expect(canProposeTransfer(coordinator('lyon'), { state: 'withdrawn', centre: LYON })).toBe(false);
    expect(canProposeTransfer(coordinator('lille'), { state: 'draft', centre: LYON })).toBe(false);
    expect(canProposeTransfer({ ...coordinator('lyon'), role: 'admin' }, { state: 'draft', centre: LYON })).toBe(false);
  });

  it("reads a file's transfers as its coordinator or the platform, and asks nothing for the others", () => {
    expect(readsFileTransfers(coordinator('lyon'), { state: 'certified', centre: LYON })).toBe(true);
    expect(readsFileTransfers({ role: 'admin', organisation: { id: 'p', name: 'P' } }, { state: 'draft', centre: LYON })).toBe(true);
    expect(readsFileTransfers(coordinator('lille'), { state: 'draft', centre: LYON })).toBe(false);
    for (const role of ['evaluator', 'candidate', 'company_tutor', 'jury_member', 'gtp_auditor']) {
      expect(readsFileTransfers({ role, organisation: LYON }, { state: 'draft', centre: LYON }), role).toBe(false);
    }
  });

  it('shows the page to the coordinators and the platform; only coordinators answer', () => {
    expect(canSeeTransfers(coordinator('lyon'))).toBe(true);
    expect(canSeeTransfers({ role: 'admin', organisation: LYON })).toBe(true);
    expect(canSeeTransfers({ role: 'evaluator', organisation: LYON })).toBe(false);
    expect(canSeeTransfers(null)).toBe(false);
    expect(answersTransfers(coordinator('lyon'))).toBe(true);
    expect(answersTransfers({ role: 'admin', organisation: LYON })).toBe(false);
  });
});

describe("transfers: a file's section", () => {
  const refused = transfer('a', 'refused', '2026-03-01T09:00:00Z', '2026-03-02T10:30:00Z');
  const pending = transfer('b', 'proposed', '2026-07-12T13:05:00Z');

  it('finds the proposal waiting for an answer, and the past ones', () => {
    expect(pendingTransfer([refused, pending])).toBe(pending);
    expect(pendingTransfer([refused])).toBeNull();
    expect(pastTransfers([refused, pending])).toEqual([refused]);
  });

  it('writes the banner in Paris time', () => {
    expect(pendingBanner(pending)).toBe(
      'Transfert proposé à Centre de certification UIMM Hauts-de-France le 12 juillet 2026 à 15:05 — en attente de réponse',
    );
  });

  it('says each past transfer in one line', () => {
    expect(transferHistoryLine(refused)).toBe(
      'Transfert à Centre de certification UIMM Hauts-de-France refusé le 2 mars 2026 à 11:30 par Julien Lefebvre.',
    );
    expect(transferHistoryLine({ ...refused, state: 'accepted' })).toBe(
      'Transféré de Centre de certification UIMM Rhône-Alpes à Centre de certification UIMM Hauts-de-France le 2 mars 2026 à 11:30, accepté par Julien Lefebvre.',
    );
    expect(transferHistoryLine({ ...refused, state: 'cancelled', answered_by: { id: 'u1', display_name: 'Claire Moreau' } })).toBe(
      'Proposition de transfert à Centre de certification UIMM Hauts-de-France retirée le 2 mars 2026 à 11:30 par Claire Moreau.',
    );
    expect(transferHistoryLine(pending)).toBe(
      'Transfert proposé à Centre de certification UIMM Hauts-de-France le 12 juillet 2026 à 15:05 par Claire Moreau.',
    );
  });

  it('offers the centres by name, with their région', () => {
    const centres = [
      { id: '2', name: 'Centre Sud', region: 'Occitanie', departements: ['31'] },
      { id: '1', name: 'Centre de certification UIMM Hauts-de-France', region: 'Hauts-de-France', departements: ['59', '62'] },
      { id: '3', name: 'Centre Île', region: null, departements: [] },
    ];
    expect(sortCentres(centres).map((c) => c.id)).toEqual(['1', '3', '2']);
    expect(centreOptionLabel(centres[1]!)).toBe('Centre de certification UIMM Hauts-de-France (Hauts-de-France)');
    expect(centreOptionLabel(centres[2]!)).toBe('Centre Île');
  });

  it('asks for a centre and a reason before confirming', () => {
    expect(validateTransferProposal('', ' ')).toEqual({ centre_id: TRANSFER_CENTRE_REQUIRED_MESSAGE, reason: TRANSFER_REASON_MESSAGE });
    expect(validateTransferProposal('lille', 'Déménagement')).toEqual({});
  });
});

describe('transfers: the tables', () => {
  it('labels the states in French', () => {
    expect(['proposed', 'accepted', 'refused', 'cancelled', 'other'].map(transferStateLabel)).toEqual([
      'Proposé',
      'Accepté',
      'Refusé',
      'Retiré',
      'other',
    ]);
  });

  it('puts the proposals waiting first, then the newest act first', () => {
    const old = transfer('old', 'refused', '2026-01-01T09:00:00Z', '2026-01-02T09:00:00Z');
    const recentlyAnswered = transfer('answered', 'accepted', '2025-12-01T09:00:00Z', '2026-02-01T09:00:00Z');
    const waitingOld = transfer('w1', 'proposed', '2025-11-01T09:00:00Z');
    const waitingNew = transfer('w2', 'proposed', '2026-03-01T09:00:00Z');
    expect(sortForTable([old, waitingOld, recentlyAnswered, waitingNew]).map((t) => t.id)).toEqual(['w2', 'w1', 'answered', 'old']);
  });

  it('names the centre on the other side', () => {
    const t = transfer('a', 'proposed', '2026-01-01T09:00:00Z');
    expect(otherCentre(t, 'incoming')).toBe(LYON);
    expect(otherCentre(t, 'outgoing')).toBe(LILLE);
  });

  it('puts an answered transfer in its place, and says the answer', () => {
    const a = transfer('a', 'proposed', '2026-01-01T09:00:00Z');
    const b = transfer('b', 'proposed', '2026-01-02T09:00:00Z');
    const accepted = { ...a, state: 'accepted', answered_at: '2026-01-03T09:00:00Z' };
    expect(replaceTransfer([a, b], accepted)).toEqual([accepted, b]);
    expect(acceptedNotice(accepted)).toBe("Transfert accepté : le dossier d'Emma Lefèvre est désormais suivi par votre centre.");
    expect(refusedNotice(a)).toBe(
      "Transfert du dossier d'Emma Lefèvre refusé : Centre de certification UIMM Rhône-Alpes en reçoit le motif.",
    );
    expect(withdrawnNotice(a)).toBe(
      "Proposition de transfert du dossier d'Emma Lefèvre à Centre de certification UIMM Hauts-de-France retirée.",
    );
  });

  it('dates in Paris time, winter and summer', () => {
    expect(formatParisShortDateTime('2026-01-15T08:00:00Z')).toBe('15/01/2026 09:00');
    expect(formatParisShortDateTime('2026-07-15T08:00:00Z')).toBe('15/07/2026 10:00');
    expect(formatParisDateTime('not a date')).toBe('not a date');
  });

  it('elides "de" before a vowel or a mute h', () => {
    expect(ofName('Emma Lefèvre')).toBe("d'Emma Lefèvre");
    expect(ofName('Hugo Bonnet')).toBe("d'Hugo Bonnet");
    expect(ofName('Élodie Roy')).toBe("d'Élodie Roy");
    expect(ofName('Lucas Martin')).toBe('de Lucas Martin');
  });
});

describe("transfers: the server's refusals in French", () => {
  const say = (err: ApiError, operation: 'transfer' | 'transfer_answer', values: Record<string, string> = {}) =>
    describeError(err, { operation, values }).text;

  it('for a proposal', () => {
    expect(say(new ApiError(400, 'invalid_field', 'own centre', 'centre_id'), 'transfer')).toBe(TRANSFER_CENTRE_MESSAGE);
    expect(say(new ApiError(400, 'invalid_field', 'required', 'reason'), 'transfer', { reason: '' })).toBe(TRANSFER_REASON_MESSAGE);
    expect(say(new ApiError(409, 'conflict', 'pending', null, { transfer_id: 't1' }), 'transfer')).toBe(TRANSFER_PENDING_MESSAGE);
    expect(say(new ApiError(409, 'invalid_state', 'closed'), 'transfer')).toBe(TRANSFER_CLOSED_MESSAGE);
    expect(say(new ApiError(403, 'forbidden', 'no'), 'transfer')).toBe('Seul le coordinateur du centre du dossier peut proposer son transfert.');
  });

  it('for an answer', () => {
    expect(say(new ApiError(409, 'invalid_state', 'answered'), 'transfer_answer')).toBe(TRANSFER_ANSWERED_MESSAGE);
    expect(say(new ApiError(400, 'invalid_field', 'required', 'reason'), 'transfer_answer', { reason: '' })).toBe(REFUSAL_REASON_MESSAGE);
    expect(say(new ApiError(403, 'forbidden', 'wrong centre'), 'transfer_answer')).toContain('seul le centre qui l');
    expect(say(new ApiError(404, 'not_found', 'no transfer'), 'transfer_answer')).toBe("Ce transfert n'existe pas, ou vous n'y avez pas accès.");
  });
});

describe('transfers: notifications', () => {
  it('leads a transfer about no file to the « Transferts » page, and one about a file to the file', () => {
    const n = (kind: string, file_id: string | null) => ({ kind, file_id });
    expect(notificationLink(n('transfer_proposed', null))).toBe('/transferts');
    expect(notificationLinkLabel(n('transfer_proposed', null))).toBe('Voir les transferts');
    expect(notificationLink(n('transfer_answered', 'f1'))).toBe('/dossiers/f1');
    expect(notificationLinkLabel(n('file_transferred', 'f1'))).toBe('Voir le dossier');
    expect(notificationLink(n('decision', null))).toBeNull();
  });
});

describe('transfers: the calls', () => {
  const calls = recordCalls();

  it('reads the centres, the file’s transfers and the lists with their filters', async () => {
    mockFetch({ status: 200, body: { items: [] } }, calls);
    await transferApi.centres();
    await transferApi.ofFile('f 1');
    await transferApi.list({ direction: 'incoming', state: 'proposed', limit: 50 });
    await transferApi.list({});
    await transferApi.get('t/1');
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/centres',
      'GET /api/v1/files/f%201/transfers',
      'GET /api/v1/transfers?direction=incoming&state=proposed&limit=50',
      'GET /api/v1/transfers',
      'GET /api/v1/transfers/t%2F1',
    ]);
  });

  it('proposes, accepts (with or without a word), refuses and withdraws, with the CSRF header', async () => {
    mockFetch({ status: 200, body: transfer('t1', 'proposed', '2026-01-01T09:00:00Z') }, calls);
    await transferApi.propose('f1', 'lille', 'Déménagement');
    await transferApi.accept('t1', '  Bienvenue ');
    await transferApi.accept('t1', '   ');
    await transferApi.refuse('t1', 'Pas de place');
    await transferApi.cancel('t1');
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/v1/files/f1/transfer',
      'POST /api/v1/transfers/t1/acceptance',
      'POST /api/v1/transfers/t1/acceptance',
      'POST /api/v1/transfers/t1/refusal',
      'POST /api/v1/transfers/t1/cancellation',
    ]);
    expect(calls.every((c) => headersOf(c)['X-CQPM-CSRF'] === '1')).toBe(true);
    expect(bodyOf(calls[0]!)).toEqual({ centre_id: 'lille', reason: 'Déménagement' });
    expect(bodyOf(calls[1]!)).toEqual({ reason: 'Bienvenue' });
    expect(bodyOf(calls[2]!)).toEqual({});
    expect(bodyOf(calls[3]!)).toEqual({ reason: 'Pas de place' });
    expect(calls[4]!.init.body).toBeUndefined();
  });

  it('gives the pending transfer of a conflict', async () => {
    mockFetch({ status: 409, body: { error: { code: 'conflict', message: 'pending', details: { transfer_id: 't0' } } } }, calls);
    const err = (await transferApi.propose('f1', 'lille', 'R').catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('conflict');
    expect(err.details).toEqual({ transfer_id: 't0' });
  });
});
