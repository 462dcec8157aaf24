import { describe, expect, it } from 'vitest';
import { documentContentUrl, uploadForm } from '../documents/documentApi';
import { fileStreamUrl } from './fileApi';
import {
  ACTIVE_PDF_MESSAGE,
  currentOf,
  describeCollaborationError,
  HTML_POLYGLOT_MESSAGE,
  SCANNER_UNAVAILABLE_MESSAGE,
  STALE_GRID_MESSAGE,
  UNCHECKABLE_PDF_MESSAGE,
  UNSUPPORTED_TYPE_MESSAGE,
} from './collaborationErrors';
import type { FileDocument } from '../documents/documentTypes';
import type { GridCompetency } from '../evaluation/evaluationTypes';
import type { FileComment, FileEvent } from './fileTypes';
import type { CompanyOpinion, OpinionVersion } from '../opinion/opinionTypes';
import { commentSubject, filterComments } from './comments';
import {
  draftChanged,
  draftFromVersion,
  firstMissing,
  opinionNextStep,
  opinionStatus,
  opinionValueLabel,
  requestFromDraft,
} from '../opinion/companyOpinion';
import { canUpload, documentName, formatSize, kindLabel, latestVersion, versionsNewestFirst } from '../documents/documents';
import {
  conflictParts,
  differs,
  draftOf,
  evaluatedCount,
  groupsOf,
  reapply,
  requestOf,
  resultLabel,
  signatureCount,
  signRefusal,
  signableNow,
} from '../evaluation/evaluationGrid';
import {
  exportsPersonalData,
  fileArchiveUrl,
  fileAuditBundleUrl,
  isStateEvent,
  personalDataUrl,
  printsArchive,
  showsCommission,
  showsGrid,
  showsOpinion,
  writesComments,
} from './fileSections';
import { bump, INITIAL_REVISIONS, lastSeq, mergeEvents, parseStreamEvent, sectionsFor } from './liveUpdates';

const apiError = (status: number, code: string, field: string | null = null, details: Record<string, unknown> | null = null) => ({
  status,
  code,
  field,
  details,
  message: 'english text',
});

function event(seq: number, transition: string, from: string | null = 'under_evaluation', to = 'under_evaluation'): FileEvent {
  return { seq, transition, from, to, actor: null, organisation_id: null, payload: {}, at: '2026-03-01T10:00:00Z', hash: 'h' };
}

function competency(overrides: Partial<GridCompetency> = {}): GridCompetency {
  return {
    number: 1,
    title: 'Préparer la production',
    bloc: { index: 1, code: 'BDC0198', title: 'La préparation' },
    modality: 'real_situation',
    criteria: { methods: ['Vérifier'], means: ['Outils'], relations: [], environment: ['EPI'] },
    result: 'not_evaluated',
    observations: { methods: '', means: '', relations: '', environment: '' },
    evidence: [],
    version: 0,
    etag: '"f-1-v0"',
    updated_by: null,
    updated_at: null,
    signatures: [],
    evaluated: false,
    ...overrides,
  };
}

describe('live updates', () => {
  it('reloads only the grid for an evaluation edit', () => {
    expect(sectionsFor(event(5, 'evaluation_updated'))).toEqual(['evaluation']);
  });

  it('reloads the comments for a comment and the documents for an upload', () => {
    expect(sectionsFor(event(5, 'comment_added'))).toEqual(['comments']);
    expect(sectionsFor(event(5, 'add_document'))).toContain('documents');
  });

  it('reloads everything for a workflow transition or an unknown event', () => {
    const all = sectionsFor(event(5, 'request_company_opinion', 'under_evaluation', 'company_opinion'));
    expect(all).toEqual(expect.arrayContaining(['file', 'evaluation', 'opinion', 'documents', 'comments']));
    expect(sectionsFor(event(6, 'something_new'))).toContain('file');
  });

  it("reloads the file for a correction, the transfers for a proposal and its answers, and everything once the file moved", () => {
    expect(sectionsFor(event(5, 'file_corrected'))).toEqual(['file']);
    for (const kind of ['file_transfer_proposed', 'file_transfer_refused', 'file_transfer_cancelled']) {
      expect(sectionsFor(event(5, kind)), kind).toEqual(['transfers']);
    }
    expect(sectionsFor(event(5, 'file_transferred'))).toEqual(expect.arrayContaining(['file', 'transfers', 'commission', 'deadlines']));
  });

  it('reloads the admissibility and the file for a VAE admissibility decision, and on every transition', () => {
    expect(sectionsFor(event(5, 'vae_admissibility_decided', 'registered', 'registered'))).toEqual(['admissibility', 'file']);
    expect(sectionsFor(event(6, 'agree_modalities', 'registered', 'modalities_agreed'))).toContain('admissibility');
  });

  it('reloads the file (and with its version the carry-over and the plan) when blocs are carried over', () => {
    expect(sectionsFor(event(5, 'carry_over_confirmed', 'registered', 'registered'))).toEqual(['file']);
  });

  it('bumps the counters of the named sections only', () => {
    const next = bump(INITIAL_REVISIONS, ['evaluation', 'comments']);
    expect(next.evaluation).toBe(1);
    expect(next.comments).toBe(1);
    expect(next.documents).toBe(0);
    expect(INITIAL_REVISIONS.evaluation).toBe(0);
  });

  it('merges a replayed event without duplicating it, in seq order', () => {
    const list = [event(1, 'create', null, 'draft'), event(3, 'comment_added')];
    expect(mergeEvents(list, event(2, 'comment_added')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(mergeEvents(list, event(3, 'comment_added')).map((e) => e.seq)).toEqual([1, 3]);
    expect(mergeEvents(null, event(1, 'create', null, 'draft'))).toHaveLength(1);
  });

  it('parses stream data and refuses what is not an event', () => {
    expect(parseStreamEvent(JSON.stringify(event(4, 'comment_added')))?.seq).toBe(4);
    expect(parseStreamEvent('not json')).toBeNull();
    expect(parseStreamEvent('{"seq":"x"}')).toBeNull();
  });

  it('resumes after the highest seq read', () => {
    expect(lastSeq([event(2, 'a'), event(7, 'b'), event(5, 'c')])).toBe(7);
    expect(lastSeq([])).toBeNull();
  });

  it('builds the stream URL with ?after= when known', () => {
    expect(fileStreamUrl('a b', 12)).toBe('/api/v1/files/a%20b/stream?after=12');
    expect(fileStreamUrl('f', null)).toBe('/api/v1/files/f/stream');
  });
});

describe('documents', () => {
  const doc: FileDocument = {
    id: 'd1',
    file_id: 'f',
    kind: 'report',
    created_at: '2026-03-01T10:00:00Z',
    versions: [
      { number: 1, sha256: 'a', size: 10, mime_type: 'application/pdf', filename: 'rapport.pdf', uploaded_by: { id: 'u', display_name: 'A' }, uploaded_at: 'x' },
      { number: 2, sha256: 'b', size: 20, mime_type: 'application/pdf', filename: 'rapport-v2.pdf', uploaded_by: { id: 'u', display_name: 'A' }, uploaded_at: 'y' },
    ],
  };

  it('names a document by its latest version', () => {
    expect(latestVersion(doc)?.number).toBe(2);
    expect(documentName(doc)).toBe('rapport-v2.pdf');
    expect(versionsNewestFirst(doc).map((v) => v.number)).toEqual([2, 1]);
  });

  it('labels kinds in French', () => {
    expect(kindLabel('report')).toBe('Rapport');
    expect(kindLabel('evidence')).toBe('Preuve');
    expect(kindLabel('attestation')).toBe('Attestation');
    expect(kindLabel('other')).toBe('Autre');
  });

  it('formats sizes with French units and decimal comma', () => {
    expect(formatSize(512)).toBe('512 o');
    expect(formatSize(1536)).toBe('1,5 Ko');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 Mo');
  });

  it('lets the centre, the company and the candidate upload while the file is open', () => {
    expect(canUpload('centre_coordinator', false)).toBe(true);
    expect(canUpload('company_tutor', false)).toBe(true);
    expect(canUpload('evaluator', false)).toBe(false);
    expect(canUpload('centre_coordinator', true)).toBe(false);
  });

  it('sends the kind before the file, so a late report is refused before its bytes', () => {
    const form = uploadForm(new Blob(['%PDF']), 'report', 'rapport.pdf');
    expect([...form.keys()]).toEqual(['kind', 'file']);
    expect(documentContentUrl('d1', 2)).toBe('/api/v1/documents/d1/versions/2/content');
  });
});

describe('upload errors', () => {
  it('says a file is too large, with the limit', () => {
    const text = describeCollaborationError(apiError(413, 'payload_too_large', 'file', { max_bytes: 50 * 1024 * 1024 }), 'upload').text;
    expect(text).toBe('Le fichier est trop volumineux. La taille maximale est 50 Mo.');
  });

  it('says a type is not accepted', () => {
    expect(describeCollaborationError(apiError(415, 'unsupported_media_type', 'file'), 'upload').text).toBe(UNSUPPORTED_TYPE_MESSAGE);
  });

  it('says why a checked file was refused, naming the malware found', () => {
    const infected = describeCollaborationError(apiError(422, 'infected', 'file', { signature: 'Eicar-Test-Signature' }), 'upload');
    expect(infected.text).toBe("L'antivirus a détecté un logiciel malveillant dans ce fichier (Eicar-Test-Signature) : il n'a pas été enregistré.");
    expect(describeCollaborationError(apiError(422, 'active_content', 'file', { found: 'JavaScript' }), 'upload').text).toBe(ACTIVE_PDF_MESSAGE);
    expect(describeCollaborationError(apiError(422, 'active_content', 'file', { found: 'html', tag: '<script' }), 'upload').text).toBe(HTML_POLYGLOT_MESSAGE);
    expect(describeCollaborationError(apiError(422, 'unprocessable', 'file'), 'upload').text).toBe(UNCHECKABLE_PDF_MESSAGE);
    expect(describeCollaborationError(apiError(503, 'unavailable', 'file', { retry_after: '30' }), 'upload').text).toBe(SCANNER_UNAVAILABLE_MESSAGE);
  });

  it('names the passed report deadline in French', () => {
    const text = describeCollaborationError(apiError(422, 'deadline_passed', 'file', { due: '2026-06-15' }), 'upload').text;
    expect(text).toBe("L'échéance du rapport est dépassée (15/06/2026) : seul le centre peut la prolonger.");
  });

  it('never shows the English message', () => {
    const d = describeCollaborationError(apiError(403, 'forbidden'), 'upload');
    expect(d.text).not.toContain('english');
    expect(d.technical).toContain('english text');
  });
});

describe('evaluation grid', () => {
  it('has one observation per criteria group, in the referential order', () => {
    expect(groupsOf(competency()).map((g) => g.key)).toEqual(['methods', 'means', 'relations', 'environment']);
    expect(draftOf(competency()).observations).toEqual({ methods: '', means: '', relations: '', environment: '' });
  });

  it('sees a change of result, observation or evidence, not of blanks', () => {
    const c = competency();
    const draft = draftOf(c);
    expect(differs(draft, c)).toBe(false);
    expect(differs({ ...draft, result: 'acquired' }, c)).toBe(true);
    expect(differs({ ...draft, observations: { ...draft.observations, means: 'Bien' } }, c)).toBe(true);
    expect(differs({ ...draft, observations: { ...draft.observations, means: '   ' } }, c)).toBe(false);
    expect(differs({ ...draft, evidence: ['d1'] }, c)).toBe(true);
  });

  it('sends trimmed observations', () => {
    const draft = { ...draftOf(competency()), result: 'acquired', observations: { methods: '  Maîtrisé  ' } };
    expect(requestOf(draft)).toEqual({ result: 'acquired', observations: { methods: 'Maîtrisé' }, evidence: [] });
  });

  it('refuses to sign unsaved changes, no result, or twice', () => {
    const signed = competency({ result: 'acquired', signatures: [{ evaluator_id: 'u1', display_name: 'A', signed_at: 'x' }] });
    expect(signRefusal(competency({ result: 'acquired' }), 'u1', true)).toMatch(/Enregistrez/);
    expect(signRefusal(competency(), 'u1', false)).toMatch(/Acquise/);
    expect(signRefusal(signed, 'u1', false)).toMatch(/avez signé/);
    expect(signRefusal(signed, 'u2', false)).toBeNull();
  });

  it('signs in one go only what the evaluator may sign as it stands', () => {
    const mine = { evaluator_id: 'u1', display_name: 'A', signed_at: 'x' };
    const grid = [
      competency({ number: 1, result: 'acquired' }),
      competency({ number: 2, result: 'not_acquired' }),
      competency({ number: 3 }), // no result yet
      competency({ number: 4, result: 'acquired', signatures: [mine] }), // signed by u1 already
      competency({ number: 5, result: 'acquired' }), // an unsaved change
    ];
    const dirty = (c: GridCompetency) => c.number === 5;
    expect(signableNow(grid, 'u1', dirty).map((c) => c.number)).toEqual([1, 2]);
    expect(signableNow(grid, 'u2', dirty).map((c) => c.number)).toEqual([1, 2, 4]);
  });

  it('counts signatures and evaluated competencies', () => {
    expect(signatureCount(competency())).toBe('0 signature sur 2');
    expect(signatureCount(competency({ signatures: [{ evaluator_id: 'a', display_name: 'A', signed_at: 'x' }, { evaluator_id: 'b', display_name: 'B', signed_at: 'x' }] }))).toBe(
      '2 signatures sur 2',
    );
    expect(evaluatedCount([competency({ evaluated: true }), competency()])).toBe(1);
    expect(resultLabel('not_acquired')).toBe('Non acquise');
  });

  it('names what differs in a conflict and re-applies the draft on the other version', () => {
    const theirs = competency({ result: 'not_acquired', observations: { methods: 'Insuffisant' }, version: 3, etag: '"f-1-v3"' });
    const mine = { ...draftOf(competency()), result: 'acquired', observations: { methods: 'Maîtrisé' } };
    expect(conflictParts(mine, theirs)).toEqual(['le résultat', 'les observations « Méthodes utilisées »']);
    const rebased = reapply(mine, theirs);
    expect(rebased.etag).toBe('"f-1-v3"');
    expect(rebased.result).toBe('acquired');
  });

  it('reads the current content of a 412 answer', () => {
    const current = competency({ version: 2 });
    expect(currentOf<GridCompetency>(apiError(412, 'precondition_failed', 'If-Match', { current }))?.version).toBe(2);
    expect(currentOf(apiError(409, 'invalid_state'))).toBeNull();
    expect(describeCollaborationError(apiError(412, 'precondition_failed', 'If-Match', { current }), 'grid').text).toBe(STALE_GRID_MESSAGE);
  });

  it('explains a refused signature in French', () => {
    expect(describeCollaborationError(apiError(422, 'unprocessable', 'result'), 'sign').text).toMatch(/avant de signer/);
    expect(describeCollaborationError(apiError(403, 'forbidden'), 'grid').text).toMatch(/évaluateurs de la commission/);
  });
});

describe('company opinion', () => {
  const version: OpinionVersion = {
    version: 1,
    state: 'draft',
    activities: [{ index: '1', title: 'Préparation', value: 'favourable', comment: '' }],
    competencies: [
      { number: '1', title: 'C1', value: 'reserved', comment: 'À suivre' },
      { number: '2', title: 'C2', value: null, comment: '' },
    ],
    text: 'Bon candidat',
    updated_by: { id: 'u', display_name: 'Sophie Bernard' },
    updated_at: '2026-03-01T10:00:00Z',
    signed_by: null,
    signed_at: null,
    etag: '"1.2"',
  };

  it('makes a draft and a request from a version', () => {
    const draft = draftFromVersion(version);
    expect(draft.competencies[1]!.value).toBe('');
    expect(requestFromDraft(draft).competencies).toEqual([
      { number: '1', value: 'reserved', comment: 'À suivre' },
      { number: '2', value: null, comment: '' },
    ]);
    expect(draftChanged(draft, version)).toBe(false);
    expect(draftChanged({ ...draft, text: 'Autre' }, version)).toBe(true);
  });

  it('names the first item without a value as the server does', () => {
    expect(firstMissing(draftFromVersion(version))).toBe('competencies.2');
    const complete = draftFromVersion({ ...version, competencies: [{ number: '1', title: 'C1', value: 'favourable', comment: '' }] });
    expect(firstMissing(complete)).toBeNull();
  });

  it('says where the opinion stands', () => {
    const opinion: CompanyOpinion = { file_id: 'f', required: true, editable: true, values: [], state: 'draft', current: version, history: [] };
    expect(opinionStatus(opinion)).toBe('Brouillon (non signé).');
    expect(opinionStatus({ ...opinion, current: { ...version, state: 'signed', version: 2 } })).toBe('Version 2 signée.');
    expect(opinionStatus({ ...opinion, required: false })).toMatch(/VAE/);
    expect(opinionValueLabel('unfavourable')).toBe('Défavorable');
    expect(opinionValueLabel(null)).toBe('Non renseigné');
  });

  it('explains a missing value and a stale opinion in French', () => {
    expect(describeCollaborationError(apiError(422, 'unprocessable', 'competencies.3'), 'opinion-sign').text).toBe(
      'Donnez un avis (favorable, réservé ou défavorable) sur la compétence 3 avant de signer.',
    );
    expect(describeCollaborationError(apiError(412, 'precondition_failed', 'If-Match'), 'opinion').text).toMatch(/modifié entre-temps/);
  });
});

describe('comments and sections', () => {
  const comment = (id: string, competency: string | null): FileComment => ({
    id,
    file_id: 'f',
    competency,
    body: 'x',
    author: { id: 'u', display_name: 'A', role: 'evaluator' },
    created_at: 'x',
  });

  it('filters comments by subject', () => {
    const list = [comment('1', null), comment('2', '3'), comment('3', '1')];
    expect(filterComments(list, 'all')).toHaveLength(3);
    expect(filterComments(list, 'general').map((c) => c.id)).toEqual(['1']);
    expect(filterComments(list, '3').map((c) => c.id)).toEqual(['2']);
    expect(commentSubject(null, [])).toBe('Général');
    expect(commentSubject('3', [{ number: 3, title: 'Contrôler' }])).toBe('Compétence 3 — Contrôler');
  });

  it('explains an empty or too long comment', () => {
    expect(describeCollaborationError(apiError(422, 'unprocessable', 'body'), 'comment', { body: '' }).text).toBe('Écrivez un commentaire.');
    expect(describeCollaborationError(apiError(422, 'unprocessable', 'body'), 'comment', { body: 'long' }).text).toMatch(/trop long/);
  });

  it('shows the grid, the commission and the opinion when they apply', () => {
    expect(showsGrid('under_evaluation', 'evaluator')).toBe(true);
    expect(showsGrid('registered', 'centre_coordinator')).toBe(false);
    expect(showsGrid('company_opinion', 'company_tutor')).toBe(false);
    expect(showsCommission('evidence_submitted', 'centre_coordinator')).toBe(true);
    expect(showsCommission('company_opinion', 'centre_coordinator')).toBe(false);
    expect(showsOpinion('company_opinion', 'employee')).toBe(true);
    expect(showsOpinion('ready_for_jury', 'vae')).toBe(false);
  });

  it('keeps workflow moves in the history and same-state actions in the activity feed', () => {
    const transitions = [{ id: 'register' }];
    expect(isStateEvent(event(1, 'create', null, 'draft'), transitions)).toBe(true);
    expect(isStateEvent(event(2, 'register', 'draft', 'registered'), transitions)).toBe(true);
    expect(isStateEvent(event(3, 'comment_added'), transitions)).toBe(false);
  });
});

describe('after the signature', () => {
  it('names the action that presents the file to the jury', () => {
    expect(opinionNextStep("Enregistrer l'avis de l'entreprise")).toBe(
      "Il reste à le transmettre : « Enregistrer l'avis de l'entreprise », en haut de la page, présente le dossier au jury.",
    );
  });
});

describe('the complete file to print', () => {
  it("is offered to the centre and the GTP's auditor only, at its own address", () => {
    expect(printsArchive('centre_coordinator')).toBe(true);
    expect(printsArchive('gtp_auditor')).toBe(true);
    for (const role of ['company_tutor', 'evaluator', 'candidate', 'jury_member', 'gtp_admin', 'admin']) expect(printsArchive(role)).toBe(false);
    expect(fileArchiveUrl('f 1')).toBe('/api/v1/files/f%201/archive.pdf');
    expect(personalDataUrl('f 1')).toBe('/api/v1/files/f%201/personal-data');
    expect(exportsPersonalData('centre_coordinator')).toBe(true);
    for (const role of ['gtp_auditor', 'admin', 'company_tutor', 'evaluator', 'candidate']) {
      expect(exportsPersonalData(role), role).toBe(false);
    }
    expect(fileAuditBundleUrl('f 1')).toBe('/api/v1/files/f%201/audit-bundle');
  });
});

describe('who writes comments', () => {
  it("is everyone who works on the file, not the GTP, which only reads it", () => {
    for (const role of ['centre_coordinator', 'evaluator', 'jury_member', 'company_tutor', 'candidate', 'admin']) expect(writesComments(role)).toBe(true);
    expect(writesComments('gtp_auditor')).toBe(false);
    expect(writesComments('gtp_admin')).toBe(false);
  });
});
