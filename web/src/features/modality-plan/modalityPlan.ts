// The evaluation modality plan of a file (GET/PUT /files/{id}/modalities):
// what the editor holds per competency, the checks made before sending, the
// request body, and where a refusal of the server belongs in the editor.

import { MIN_JUSTIFICATION_BYTES, planEntryField, planEntryMessage } from '../../shared/errors/errors';
import { joinLines, parseLines, utf8Length } from '../../shared/format/textList';
import type {
  ModalityPlanEntry,
  ModalityPlanRequest,
  ModalityPlanView,
  PlanField,
  PlanModality,
} from './modalityPlanTypes';

/** A plan field's value while edited: choice id, choice ids, text typed one entry per line, or a checkbox. */
export type DetailDraft = string | string[] | boolean;

export interface EntryDraft {
  modality: string;
  planned_date: string;
  place: string;
  evaluators: string[];
  justification: string;
  details: Record<string, DetailDraft>;
}

/** The editor's content, by competency number. */
export type PlanDraft = Record<number, EntryDraft>;

/**
 * Where a message goes in one competency's entry: "modality", "planned_date",
 * "place", "evaluators", "justification", "details.<plan field id>", or
 * "entry" for the competency as a whole.
 */
export type EntryKey = string;

/** Messages by competency number, then by entry key. */
export type PlanErrors = Record<number, Record<EntryKey, string>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether "YYYY-MM-DD" names a real calendar day. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function allowedModalities(view: Pick<ModalityPlanView, 'allowed_modalities' | 'modalities'>, competency: number): PlanModality[] {
  const ids = view.allowed_modalities[String(competency)] ?? [];
  return ids.map((id) => view.modalities.find((m) => m.id === id) ?? { id, label: id, exceptional: false });
}

export function planFieldsOf(view: Pick<ModalityPlanView, 'plan_fields'>, competency: number): PlanField[] {
  return view.plan_fields[String(competency)] ?? [];
}

export function isExceptional(view: Pick<ModalityPlanView, 'modalities'>, modality: string): boolean {
  return view.modalities.find((m) => m.id === modality)?.exceptional === true;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function detailDraft(field: PlanField, value: unknown): DetailDraft {
  switch (field.type) {
    case 'choices':
      return strings(value);
    case 'text_list':
      return joinLines(value);
    case 'boolean':
      return value === true;
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  }
}

/** The editor's starting content: the saved plan, or empty entries (the only allowed modality preselected). */
export function draftFromView(view: ModalityPlanView): PlanDraft {
  const draft: PlanDraft = {};
  for (const competency of view.competencies) {
    const saved = view.plan?.find((e) => e.competency === competency.number);
    const allowed = allowedModalities(view, competency.number);
    const details: Record<string, DetailDraft> = {};
    for (const field of planFieldsOf(view, competency.number)) {
      details[field.id] = detailDraft(field, saved?.details?.[field.id]);
    }
    draft[competency.number] = {
      modality: saved?.modality ?? (allowed.length === 1 ? allowed[0]!.id : ''),
      planned_date: saved?.planned_date ?? '',
      place: saved?.place ?? '',
      evaluators: [...(saved?.evaluators ?? [])],
      justification: saved?.justification ?? '',
      details,
    };
  }
  return draft;
}

/** A plan field's value as sent in entry.details, or undefined to leave it out. */
function detailValue(field: PlanField, value: DetailDraft | undefined): unknown {
  switch (field.type) {
    case 'choices':
      return Array.isArray(value) ? value : [];
    case 'text_list':
      return parseLines(typeof value === 'string' ? value : '');
    case 'boolean':
      return value === true;
    default:
      return typeof value === 'string' && value !== '' ? value : undefined;
  }
}

/** One plan entry as sent: texts trimmed, the justification only for an exceptional modality. */
export function entryOf(view: ModalityPlanView, competency: number, entry: EntryDraft): ModalityPlanEntry {
  const details: Record<string, unknown> = {};
  for (const field of planFieldsOf(view, competency)) {
    const value = detailValue(field, entry.details[field.id]);
    if (value !== undefined) details[field.id] = value;
  }
  const result: ModalityPlanEntry = {
    competency,
    modality: entry.modality,
    planned_date: entry.planned_date.trim(),
    place: entry.place.trim(),
    evaluators: [...entry.evaluators],
    details,
  };
  const justification = entry.justification.trim();
  if (isExceptional(view, entry.modality) && justification) result.justification = justification;
  return result;
}

/** The body of PUT /files/{id}/modalities: one entry per competency, in the referential's order. */
export function buildPlanRequest(view: ModalityPlanView, draft: PlanDraft): ModalityPlanRequest {
  return {
    expected_version: view.file_version,
    competencies: view.competencies.map((c) => entryOf(view, c.number, draft[c.number] ?? emptyEntry())),
  };
}

export function emptyEntry(): EntryDraft {
  return { modality: '', planned_date: '', place: '', evaluators: [], justification: '', details: {} };
}

function countMessage(min: number, kind: 'choose' | 'type'): string {
  if (kind === 'choose') return min > 1 ? `Choisissez au moins ${min} éléments.` : 'Choisissez au moins un élément.';
  return min > 1 ? `Indiquez au moins ${min} éléments, un par ligne.` : 'Indiquez au moins un élément.';
}

/** What a plan field of the CQPM needs, checked before sending (its declared `min` and `required`). */
export function planFieldError(field: PlanField, value: DetailDraft | undefined): string | null {
  switch (field.type) {
    case 'choices': {
      const count = Array.isArray(value) ? value.length : 0;
      const min = field.min ?? (field.required ? 1 : 0);
      return count < min ? countMessage(min, 'choose') : null;
    }
    case 'text_list': {
      const count = parseLines(typeof value === 'string' ? value : '').length;
      const min = field.min ?? (field.required ? 1 : 0);
      return count < min ? countMessage(min, 'type') : null;
    }
    case 'boolean':
      // true or false are both answers: the CQPM's rules say which one they accept.
      return null;
    default:
      return field.required && (typeof value !== 'string' || value === '') ? 'Choisissez une valeur dans la liste.' : null;
  }
}

/** The checks made before sending; the sentences are those of the server's answers (errors.ts). */
export function validatePlan(view: ModalityPlanView, draft: PlanDraft): PlanErrors {
  const errors: PlanErrors = {};
  const known = new Set(view.evaluators.map((e) => e.id));
  for (const competency of view.competencies) {
    const entry = draft[competency.number] ?? emptyEntry();
    const found: Record<EntryKey, string> = {};
    const allowed = allowedModalities(view, competency.number).map((m) => m.id);
    if (!entry.modality || !allowed.includes(entry.modality)) found.modality = planEntryMessage('modality');
    const date = entry.planned_date.trim();
    if (!date || !isIsoDate(date)) found.planned_date = planEntryMessage('planned_date', date);
    if (!entry.place.trim()) found.place = planEntryMessage('place', '');
    if (entry.evaluators.length === 0) found.evaluators = planEntryMessage('evaluators');
    else if (entry.evaluators.some((id) => !known.has(id))) found.evaluators = planEntryMessage('evaluators[0]');
    if (isExceptional(view, entry.modality) && utf8Length(entry.justification.trim()) < MIN_JUSTIFICATION_BYTES) {
      found.justification = planEntryMessage('justification', '');
    }
    for (const field of planFieldsOf(view, competency.number)) {
      const message = planFieldError(field, entry.details[field.id]);
      if (message) found[`details.${field.id}`] = message;
    }
    if (Object.keys(found).length > 0) errors[competency.number] = found;
  }
  return errors;
}

/**
 * Where a refusal of PUT /files/{id}/modalities belongs: the competency (from
 * details.competency, or the entry's index in the request) and the entry key.
 * Null when the error is about the plan as a whole.
 */
export function planErrorTarget(
  field: string | null,
  details: Readonly<Record<string, unknown>> | null,
  request: Pick<ModalityPlanRequest, 'competencies'>,
): { competency: number; key: EntryKey } | null {
  const fromDetails = typeof details?.competency === 'number' ? details.competency : null;
  const entry = planEntryField(field);
  if (entry) {
    const competency = fromDetails ?? request.competencies[entry.index]?.competency ?? null;
    if (competency === null) return null;
    return { competency, key: entryKeyOf(entry.sub) };
  }
  if (fromDetails !== null && (field === 'competencies' || field === null)) return { competency: fromDetails, key: 'entry' };
  return null;
}

/** "evaluators[1]" → "evaluators", "details.automated_equipment[0]" → "details.automated_equipment", null → "entry". */
export function entryKeyOf(sub: string | null): EntryKey {
  if (!sub || sub === 'competency') return 'entry';
  const withoutIndex = sub.replace(/\[\d+\]$/, '');
  const known = ['modality', 'planned_date', 'place', 'evaluators', 'justification'];
  if (known.includes(withoutIndex)) return withoutIndex;
  const detail = /^details\.([^.[\]]+)/.exec(withoutIndex);
  return detail ? `details.${detail[1]}` : 'entry';
}

/** The id of the editor input of an entry key (for focus and aria-describedby). */
export function planInputId(competency: number, key: EntryKey): string {
  return `plan-${competency}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** What « apply to all » sets on every competency (an empty value leaves each entry's own). */
export interface CommonEntryValues {
  planned_date?: string;
  place?: string;
  evaluators?: string[];
}

/** Sets the same date, place and evaluators on every competency (the editor's "apply to all"). */
export function applyToAll(draft: PlanDraft, common: CommonEntryValues): PlanDraft {
  const next: PlanDraft = {};
  for (const [key, entry] of Object.entries(draft)) {
    next[Number(key)] = {
      ...entry,
      ...(common.planned_date ? { planned_date: common.planned_date } : {}),
      ...(common.place?.trim() ? { place: common.place } : {}),
      ...(common.evaluators && common.evaluators.length > 0 ? { evaluators: [...common.evaluators] } : {}),
    };
  }
  return next;
}

/** A plan field's saved value in words, for the read-only table ("Électrique, Pneumatique", "Oui"). */
export function describeDetail(field: PlanField, value: unknown): string | null {
  const label = (id: unknown) => field.choices?.find((c) => c.id === id)?.label ?? String(id);
  if (value === undefined || value === null) return null;
  switch (field.type) {
    case 'choices':
    case 'text_list': {
      const list = Array.isArray(value) ? value.map((v) => (field.type === 'choices' ? label(v) : String(v))) : [];
      return list.length > 0 ? list.join(', ') : null;
    }
    case 'boolean':
      return value === true ? 'Oui' : value === false ? 'Non' : null;
    default:
      return value === '' ? null : label(value);
  }
}

/** The values sent, by API field name, so error sentences can tell "missing" from "too long". */
export function sentValues(request: ModalityPlanRequest): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  request.competencies.forEach((entry, i) => {
    values[`competencies[${i}].planned_date`] = entry.planned_date;
    values[`competencies[${i}].place`] = entry.place;
    values[`competencies[${i}].justification`] = entry.justification ?? '';
  });
  return values;
}

/** « la compétence 2 », « les compétences 1, 3 et 4 ». */
export function competencyList(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length === 1) return `la compétence ${sorted[0]}`;
  return `les compétences ${sorted.slice(0, -1).join(', ')} et ${sorted[sorted.length - 1]}`;
}
