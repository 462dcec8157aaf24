import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import {
  AS_OF_FORBIDDEN_MESSAGE,
  AS_OF_FUTURE_MESSAGE,
  AS_OF_INVALID_MESSAGE,
  AS_OF_NOT_FOUND_MESSAGE,
  AS_OF_REQUIRED_MESSAGE,
  AS_OF_SERVER_MESSAGE,
  asOfRefusal,
  askedInstant,
  beforeCreationMessage,
  commissionThen,
  decisionLines,
  describeAsOfError,
  documentLines,
  earliestLocalValue,
  eventCount,
  gridRows,
  lastEvents,
  opinionStateThen,
  parisDayAndTime,
  parisInstant,
  parisLocalValue,
  referentialThen,
  skippedHourNote,
} from './fileAsOf';
import type { FileAsOf } from './fileTypes';

// Every date is pinned, and every conversion goes through Europe/Paris: nothing here depends on
// today's date or on the time zone of the machine running the tests.

describe('parisInstant: a datetime-local value read as Paris wall-clock time', () => {
  it('gives +01:00 in winter', () => {
    expect(parisInstant('2027-03-18T10:00')).toEqual({ iso: '2027-03-18T10:00:00+01:00', skipped: false });
    expect(parisInstant('2027-01-01T00:00')).toEqual({ iso: '2027-01-01T00:00:00+01:00', skipped: false });
  });

  it('gives +02:00 in summer', () => {
    expect(parisInstant('2027-07-14T09:30')).toEqual({ iso: '2027-07-14T09:30:00+02:00', skipped: false });
  });

  it('keeps seconds when the input gives them', () => {
    expect(parisInstant('2027-07-14T09:30:15')?.iso).toBe('2027-07-14T09:30:15+02:00');
  });

  it('takes the offset on each side of the spring change (Sunday 28 March 2027, 02:00 becomes 03:00)', () => {
    expect(parisInstant('2027-03-28T01:59')?.iso).toBe('2027-03-28T01:59:00+01:00');
    expect(parisInstant('2027-03-28T03:00')).toEqual({ iso: '2027-03-28T03:00:00+02:00', skipped: false });
  });

  it('reads an hour the spring change skips as the instant after the change, flagged', () => {
    expect(parisInstant('2027-03-28T02:00')).toEqual({ iso: '2027-03-28T03:00:00+02:00', skipped: true });
    expect(parisInstant('2027-03-28T02:30')).toEqual({ iso: '2027-03-28T03:30:00+02:00', skipped: true });
    // The same instant as 01:30 UTC.
    expect(Date.parse(parisInstant('2027-03-28T02:30')!.iso)).toBe(Date.parse('2027-03-28T01:30:00Z'));
  });

  it('takes the first of the two instants an autumn hour repeats (Sunday 31 October 2027)', () => {
    expect(parisInstant('2027-10-31T02:30')).toEqual({ iso: '2027-10-31T02:30:00+02:00', skipped: false });
    expect(parisInstant('2027-10-31T01:59')?.iso).toBe('2027-10-31T01:59:00+02:00');
    expect(parisInstant('2027-10-31T03:00')?.iso).toBe('2027-10-31T03:00:00+01:00');
  });

  it('accepts 29 February of a leap year only', () => {
    expect(parisInstant('2028-02-29T12:00')?.iso).toBe('2028-02-29T12:00:00+01:00');
    expect(parisInstant('2027-02-29T12:00')).toBeNull();
  });

  it('refuses what is no date and time', () => {
    for (const value of ['', 'abc', '2027-03-18', '2027-03-18 10:00', '2027-02-30T10:00', '2027-13-01T10:00', '2027-03-18T24:00', '2027-03-18T10:60', '0099-03-18T10:00']) {
      expect(parisInstant(value), value).toBeNull();
    }
  });
});

describe('parisLocalValue: an instant as the value of the input, Paris time', () => {
  it('writes winter and summer instants in Paris time', () => {
    expect(parisLocalValue(new Date('2027-03-18T09:00:00Z'))).toBe('2027-03-18T10:00');
    expect(parisLocalValue('2027-07-14T07:30:45Z')).toBe('2027-07-14T09:30');
    expect(parisLocalValue('2027-12-31T23:30:00Z')).toBe('2028-01-01T00:30');
  });

  it('comes back to the value it was read from', () => {
    for (const value of ['2027-03-18T10:00', '2027-07-14T09:30', '2027-10-31T02:30']) {
      expect(parisLocalValue(parisInstant(value)!.iso)).toBe(value);
    }
  });

  it('gives nothing for what is no date', () => {
    expect(parisLocalValue('hier')).toBe('');
    expect(parisLocalValue(new Date(NaN))).toBe('');
  });
});

describe('parisDayAndTime', () => {
  it('writes « 18/03/2027 à 10 h 00 », Paris time', () => {
    expect(parisDayAndTime('2027-03-18T09:00:00Z')).toBe('18/03/2027 à 10 h 00');
    expect(parisDayAndTime('2027-11-02T08:05:00Z')).toBe('02/11/2027 à 9 h 05');
    expect(parisDayAndTime('2027-07-14T09:30:00+02:00')).toBe('14/07/2027 à 9 h 30');
    expect(parisDayAndTime('pas une date')).toBe('pas une date');
  });

  it('says which time the result shows when the typed one was skipped', () => {
    expect(skippedHourNote('2027-03-28T02:30', '2027-03-28T03:30:00+02:00')).toBe(
      "2 h 30 n'existe pas à Paris ce jour-là (passage à l'heure d'été) : le dossier est montré à 3 h 30.",
    );
  });
});

describe('asOfRefusal: the instant checked before it is asked', () => {
  const now = new Date('2027-06-01T12:00:00Z');
  const created = '2027-03-18T09:00:20Z'; // 10:00:20 in Paris

  it('accepts an instant between the creation and now', () => {
    expect(asOfRefusal('2027-04-02T15:45', now, created)).toBeNull();
    expect(asOfRefusal('2027-06-01T14:00', now, created)).toBeNull(); // 12:00 UTC exactly
    expect(asOfRefusal('2027-03-18T10:01', now, created)).toBeNull(); // the first minute after the creation
    expect(asOfRefusal('2027-03-18T10:00', now, created)).toBeNull(); // the minute of the creation, read to its end
    expect(asOfRefusal('2027-03-18T10:00:20', now, created)).toBeNull(); // the very second
  });

  it('refuses an empty or invalid value', () => {
    expect(asOfRefusal('  ', now, created)).toBe(AS_OF_REQUIRED_MESSAGE);
    expect(asOfRefusal('2027-02-30T10:00', now, created)).toBe(AS_OF_INVALID_MESSAGE);
  });

  it('refuses the future', () => {
    expect(asOfRefusal('2027-06-01T14:01', now, created)).toBe(AS_OF_FUTURE_MESSAGE);
  });

  it('refuses a time before the file existed, saying when it was created', () => {
    expect(asOfRefusal('2027-03-18T09:59', now, created)).toBe(beforeCreationMessage(created));
    expect(beforeCreationMessage(created)).toBe(
      "Le dossier n'existait pas encore : il a été créé le 18/03/2027 à 10 h 00. Choisissez une heure postérieure.",
    );
  });

  it('sends the last millisecond of the minute typed, never later than now', () => {
    expect(askedInstant('2027-03-18T10:00:00+01:00', now)).toBe('2027-03-18T09:00:59.999Z');
    expect(askedInstant('2027-06-01T14:00:00+02:00', new Date('2027-06-01T12:00:30.250Z'))).toBe(
      '2027-06-01T12:00:30.250Z',
    );
  });

  it('offers the minute the file was created in', () => {
    expect(earliestLocalValue(created)).toBe('2027-03-18T10:00');
    expect(earliestLocalValue('2027-07-14T07:30:00Z')).toBe('2027-07-14T09:30');
    expect(earliestLocalValue('?')).toBe('');
  });
});

describe('describeAsOfError', () => {
  it('says in French what the server refused', () => {
    const badAt = new ApiError(400, 'invalid_field', 'at must not be in the future', 'at');
    expect(describeAsOfError(badAt)).toMatchObject({ text: AS_OF_SERVER_MESSAGE, field: 'at' });
    expect(describeAsOfError(badAt).technical).toContain('at must not be in the future');
    expect(describeAsOfError(new ApiError(403, 'forbidden', 'not allowed')).text).toBe(AS_OF_FORBIDDEN_MESSAGE);
    expect(describeAsOfError(new ApiError(404, 'not_found', 'no such file')).text).toBe(AS_OF_NOT_FOUND_MESSAGE);
  });
});

type Grid = NonNullable<FileAsOf['grid']>;
type Competency = Grid['competencies'][number];

function competency(number: number, over: Partial<Competency> = {}): Competency {
  return {
    number,
    title: `Compétence ${number}`,
    bloc: {},
    modality: null,
    criteria: {},
    result: 'not_evaluated',
    observations: {},
    evidence: [],
    version: 0,
    etag: `e-${number}`,
    updated_by: null,
    updated_at: null,
    signatures: [],
    evaluated: false,
    ...over,
  };
}

const signature = (name: string) => ({ evaluator_id: name, display_name: name, signed_at: '2027-04-01T08:00:00Z' });

const grid: Grid = {
  file_id: 'f1',
  state: 'under_evaluation',
  referential: { version: 2, commit: null },
  commission: [
    { id: 'u1', display_name: 'Nathalie Roux' },
    { id: 'u2', display_name: 'Paul Girard' },
  ],
  complete: false,
  editable: false,
  competencies: [
    competency(1, { result: 'acquired', version: 3, signatures: [signature('Nathalie Roux'), signature('Paul Girard')] }),
    competency(2, { result: 'not_acquired', version: 1, signatures: [signature('Paul Girard')] }),
    competency(3),
  ],
};

describe('the file as it stood then', () => {
  it('lists the grid with the results labelled as the grid labels them', () => {
    expect(gridRows(grid)).toEqual([
      { number: 1, title: 'Compétence 1', result: 'Acquise', version: 'Version 3', signatures: '2 signatures sur 2' },
      { number: 2, title: 'Compétence 2', result: 'Non acquise', version: 'Version 1', signatures: '1 signature sur 2' },
      { number: 3, title: 'Compétence 3', result: 'Non évaluée', version: 'Jamais écrite', signatures: '0 signature sur 2' },
    ]);
  });

  it('names the referential and the commission then', () => {
    expect(referentialThen({ referential: { version: 2, commit: 'abc' } })).toBe('Version 2');
    expect(referentialThen({ referential: null })).toBe('pas encore inscrit');
    expect(referentialThen({})).toBe('pas encore inscrit');
    expect(commissionThen(grid)).toBe('Nathalie Roux, Paul Girard');
    expect(commissionThen(null)).toBe('Aucune commission');
  });

  it('says the state of the company opinion then', () => {
    const opinion = (state: 'draft' | 'signed') => ({ state, current: { state } }) as unknown as FileAsOf['company_opinion'];
    expect(opinionStateThen(opinion('signed'), 'employee')).toBe('Signé');
    expect(opinionStateThen(opinion('draft'), 'employee')).toBe('Brouillon');
    expect(opinionStateThen(null, 'employee')).toBe("L'entreprise n'avait pas encore donné son avis.");
    expect(opinionStateThen(null, 'vae')).toMatch(/^Sans objet/);
  });

  it('names each document by its kind and its last version by then', () => {
    const version = (number: number, filename: string) => ({
      number,
      filename,
      sha256: 'x',
      size: 1,
      mime_type: 'application/pdf',
      uploaded_by: {},
      uploaded_at: '2027-04-01T08:00:00Z',
    });
    const documents: FileAsOf['documents'] = [
      { id: 'd1', file_id: 'f1', kind: 'report', created_at: '2027-04-01T08:00:00Z', versions: [version(1, 'v1.pdf'), version(2, 'rapport.pdf')] },
      { id: 'd2', file_id: 'f1', kind: 'evidence', created_at: '2027-04-01T08:00:00Z', versions: [] },
    ];
    expect(documentLines(documents)).toEqual([
      { id: 'd1', text: 'Rapport : rapport.pdf (version 2)' },
      { id: 'd2', text: 'Preuve' },
    ]);
  });

  it('lists the decisions newest first with their outcome and date', () => {
    const decision = (id: string, outcome: 'certified' | 'not_certified', decided_at: string, revoked = false) =>
      ({ id, outcome, decided_at, revoked }) as unknown as FileAsOf['decisions'][number];
    expect(
      decisionLines([decision('a', 'not_certified', '2027-03-18T09:00:00Z', true), decision('b', 'certified', '2027-07-14T07:30:00Z')]),
    ).toEqual([
      { id: 'b', text: 'CQPM délivré, le 14/07/2027 à 9 h 30' },
      { id: 'a', text: 'CQPM non délivré, le 18/03/2027 à 10 h 00 (révoquée)' },
    ]);
  });

  it('keeps the last events, newest first, by their French summary', () => {
    const events = [1, 2, 3].map(
      (seq) => ({ seq, transition: `t${seq}`, at: '2027-03-18T09:00:00Z', summary_fr: seq === 2 ? undefined : `Événement ${seq}` }) as FileAsOf['events'][number],
    );
    expect(lastEvents(events, 2)).toEqual([
      { seq: 3, at: '18/03/2027 à 10 h 00', text: 'Événement 3' },
      { seq: 2, at: '18/03/2027 à 10 h 00', text: 't2' },
    ]);
    expect(eventCount(1)).toBe('1 événement');
    expect(eventCount(12)).toBe('12 événements');
  });
});
