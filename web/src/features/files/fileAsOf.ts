// « Voir le dossier au … »: the instant asked, typed as Paris wall-clock time (an <input type="datetime-local">),
// turned into the ISO-8601 date-time the server reads (GET /files/{id}?at=…), and what the file as it stood
// then shows, in French.

import { describeError, isApiErrorLike, type ErrorDescription } from '../../shared/errors/errors';
import { resultLabel, signatureCount } from '../evaluation/evaluationGrid';
import { kindLabel } from '../documents/documents';
import { outcomeLabel } from '../juries/jury';
import { sortDecisions } from '../juries/fileDecisions';
import type { FileAsOf } from './fileTypes';

const PARIS = 'Europe/Paris';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The Paris wall clock of an instant, to the second (hourCycle h23: midnight is 00, never 24). */
const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockInParis(ms: number): WallClock {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parisParts.formatToParts(ms).find((p) => p.type === type)?.value ?? NaN);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The wall clock read as if it were UTC, in milliseconds. */
function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Paris's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function parisOffset(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return Math.round((asUtc(wallClockInParis(whole)) - whole) / MINUTE);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2027-03-18T10:00:00+01:00": the instant as Paris's wall clock with the offset then. */
function parisIso(ms: number): string {
  const w = wallClockInParis(ms);
  const offset = parisOffset(ms);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** The wall clock of a datetime-local value ("2027-03-18T10:00", seconds optional), or null if it is no such time. */
function parseLocalValue(value: string): WallClock | null {
  const match = LOCAL_VALUE.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1000 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day, hour, minute, second };
}

/** The instant asked: the ISO text sent as `at`, and whether the time typed did not exist in Paris that day. */
export interface ParisInstant {
  /** "2027-03-18T10:00:00+01:00", with Paris's offset on that date. */
  iso: string;
  /** The typed time falls in the hour skipped when the clocks go forward: the instant is that hour later. */
  skipped: boolean;
}

/**
 * The instant of a datetime-local value read as Paris wall-clock time, or null when the value is no valid date and
 * time. Winter dates take +01:00, summer dates +02:00. A time the spring change skips (02:30 on the last Sunday of
 * March) does not exist: it is read with the offset in force before the change, which gives the instant as far after
 * the change (03:30+02:00), flagged `skipped`. A time the autumn change repeats (02:30 on the last Sunday of October
 * happens twice) is ambiguous: the first of the two is taken (02:30+02:00).
 */
export function parisInstant(value: string): ParisInstant | null {
  const wall = parseLocalValue(value);
  if (!wall) return null;
  const local = asUtc(wall);
  // Paris's offsets a few hours either side: the same, or the two around a change of time.
  const before = parisOffset(local - 3 * HOUR);
  const after = parisOffset(local + 3 * HOUR);
  const matching = [before, after]
    .map((offset) => local - offset * MINUTE)
    .filter((ms) => asUtc(wallClockInParis(ms)) === local)
    .sort((a, b) => a - b);
  const first = matching[0];
  if (first !== undefined) return { iso: parisIso(first), skipped: false };
  return { iso: parisIso(local - before * MINUTE), skipped: true };
}

/** An instant as the value of a datetime-local input in Paris time ("2027-03-18T10:00"), or "" if it is not a date. */
export function parisLocalValue(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return '';
  const w = wallClockInParis(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "18/03/2027 à 10 h 00", "02/11/2027 à 9 h 05" (Paris time), or the text itself if it is not a date. */
export function parisDayAndTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const w = wallClockInParis(ms);
  return `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)} à ${w.hour} h ${pad(w.minute)}`;
}

// ---- the instant asked, checked before it is sent -----------------------------------------------------------

export const AS_OF_REQUIRED_MESSAGE = "Indiquez la date et l'heure auxquelles voir le dossier.";
export const AS_OF_INVALID_MESSAGE = 'Date ou heure invalide : indiquez une date et une heure, par exemple 18/03/2027 10:00.';
export const AS_OF_FUTURE_MESSAGE = 'Choisissez une date passée : le dossier ne se voit pas dans le futur.';
export const AS_OF_SERVER_MESSAGE =
  'Cette date ne convient pas : choisissez une date passée, postérieure à la création du dossier.';
export const AS_OF_FORBIDDEN_MESSAGE =
  "Seuls le coordinateur du centre et l'auditeur du GTP peuvent voir un dossier à une date passée.";
export const AS_OF_NOT_FOUND_MESSAGE = "Ce dossier n'existe pas ou vous n'y avez pas accès.";

/** « Le dossier n'existait pas encore : il a été créé le 18/03/2027 à 10 h 00. Choisissez une heure postérieure. » */
export function beforeCreationMessage(createdAt: string): string {
  return `Le dossier n'existait pas encore : il a été créé le ${parisDayAndTime(createdAt)}. Choisissez une heure postérieure.`;
}

/** The first value of the input at which the file existed: the minute of its creation (read to its end, Paris time). */
export function earliestLocalValue(createdAt: string): string {
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? '' : parisLocalValue(new Date(ms));
}

/** Why the value typed cannot be asked (French), or null: empty, no valid time, in the future, before the file. */
export function asOfRefusal(value: string, now: Date, createdAt: string): string | null {
  if (value.trim() === '') return AS_OF_REQUIRED_MESSAGE;
  const instant = parisInstant(value);
  if (!instant) return AS_OF_INVALID_MESSAGE;
  const ms = Date.parse(instant.iso);
  if (ms > now.getTime()) return AS_OF_FUTURE_MESSAGE;
  const created = Date.parse(createdAt);
  // A minute is read to its end (askedInstant): the minute the file was created in shows it.
  if (!Number.isNaN(created) && ms + MINUTE - 1 < created) return beforeCreationMessage(createdAt);
  return null;
}

/**
 * The instant sent for a minute typed in the input: its last millisecond, so that « au 18/03/2027 à 10 h 00 »
 * includes what was done during 10 h 00, and never later than `now` (the current minute shows the file as it is).
 */
export function askedInstant(instantIso: string, now: Date): string {
  const start = Date.parse(instantIso);
  return new Date(Math.min(start + MINUTE - 1, now.getTime())).toISOString();
}

/** The French sentence for a refused GET /files/{id}?at=… (400 on `at`, 403, 404), with the English kept for support. */
export function describeAsOfError(err: unknown): ErrorDescription {
  const described = describeError(err, { operation: 'load', fields: { at: AS_OF_SERVER_MESSAGE } });
  if (isApiErrorLike(err) && err.status === 403) return { ...described, text: AS_OF_FORBIDDEN_MESSAGE };
  if (isApiErrorLike(err) && err.status === 404) return { ...described, text: AS_OF_NOT_FOUND_MESSAGE };
  return described;
}

/** « 2 h 30 n'existe pas … » under the result, when the time typed fell in the hour the clocks skip. */
export function skippedHourNote(value: string, shownIso: string): string {
  const typed = /T(\d{2}):(\d{2})/.exec(value);
  const time = typed ? `${Number(typed[1])} h ${typed[2]}` : 'Cette heure';
  const shown = parisDayAndTime(shownIso).split(' à ')[1] ?? '';
  return `${time} n'existe pas à Paris ce jour-là (passage à l'heure d'été) : le dossier est montré à ${shown}.`;
}

// ---- what the file as it stood then shows ------------------------------------------------------------------

type AsOfGrid = NonNullable<FileAsOf['grid']>;

/** One competency of the grid then: its number and title, result, version and signatures, in French. */
export interface AsOfGridRow {
  number: number;
  title: string;
  result: string;
  version: string;
  signatures: string;
}

export function gridRows(grid: AsOfGrid): AsOfGridRow[] {
  return grid.competencies.map((c) => ({
    number: c.number,
    title: c.title,
    result: resultLabel(c.result),
    version: c.version > 0 ? `Version ${c.version}` : 'Jamais écrite',
    signatures: signatureCount(c),
  }));
}

/** The referential the file was judged under then: « Version 3 », or « pas encore inscrit ». */
export function referentialThen(file: Pick<FileAsOf['file'], 'referential'>): string {
  return file.referential ? `Version ${file.referential.version}` : 'pas encore inscrit';
}

/** The commission then: its members' names, or « Aucune commission ». */
export function commissionThen(grid: FileAsOf['grid']): string {
  const names = grid?.commission.map((m) => m.display_name) ?? [];
  return names.length > 0 ? names.join(', ') : 'Aucune commission';
}

const NO_OPINION_YET = "L'entreprise n'avait pas encore donné son avis.";

/** The company opinion then: « Signé », « Brouillon », or why there is none. */
export function opinionStateThen(opinion: FileAsOf['company_opinion'], pathway: string): string {
  if (!opinion && pathway === 'vae') return "Sans objet : un dossier en VAE n'a pas d'avis de l'entreprise.";
  if (!opinion) return NO_OPINION_YET;
  const state = opinion.current?.state ?? opinion.state;
  if (state === 'signed') return 'Signé';
  if (state === 'draft') return 'Brouillon';
  return NO_OPINION_YET;
}

/** « Rapport : rapport.pdf (version 2) »: each document by its kind and the last version uploaded by then. */
export function documentLines(documents: FileAsOf['documents']): { id: string; text: string }[] {
  return documents.map((d) => {
    type Version = (typeof d.versions)[number];
    const last = d.versions.reduce<Version | null>((a, v) => (a && a.number >= v.number ? a : v), null);
    const kind = kindLabel(d.kind);
    return { id: d.id, text: last ? `${kind} : ${last.filename} (version ${last.number})` : kind };
  });
}

/** « CQPM délivré, le 18/03/2027 à 10 h 00 », newest first; « (révoquée) » when it was revoked by then. */
export function decisionLines(decisions: FileAsOf['decisions']): { id: string; text: string }[] {
  return sortDecisions(decisions).map((d) => ({
    id: d.id,
    text: `${outcomeLabel(d.outcome)}, le ${parisDayAndTime(d.decided_at)}${d.revoked ? ' (révoquée)' : ''}`,
  }));
}

/** How many events there were by then, and the last `count` of them, newest first, by their French summary. */
export function lastEvents(events: FileAsOf['events'], count = 5): { seq: number; at: string; text: string }[] {
  return [...events]
    .sort((a, b) => b.seq - a.seq)
    .slice(0, count)
    .map((e) => ({ seq: e.seq, at: parisDayAndTime(e.at), text: e.summary_fr ?? e.transition }));
}

/** « 1 événement », « 12 événements ». */
export function eventCount(n: number): string {
  return `${n} événement${n > 1 ? 's' : ''}`;
}
