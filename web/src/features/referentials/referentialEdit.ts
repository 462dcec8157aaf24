// Editing a copy of the referential in force, for a GTP proposal
// (POST /cqpms/{id}/proposals sends the whole document). Every change returns
// a new document; the original is never modified. Field names are the
// server's: "referential.blocs[1].code", ".competencies[0].criteria.methods[2]".

import { BLOC_CODE_MESSAGE, EMPTY_TEXT_MESSAGE, referentialFieldMessage } from '../../shared/errors/errors';
import { blocRncpCodeChange, identityDraftChanges, validateIdentityDraft } from './identityEdit';
import { CRITERIA_GROUPS } from './referential';
import type { CriteriaGroups, Referential, ReferentialBloc, ReferentialCompetency } from './referentialTypes';

export const BLOC_CODE_PATTERN = /^BDC[0-9]{4}$/;

export type CompetencyList = 'conditions' | 'expected_results' | keyof CriteriaGroups;

/** A list of texts of the referential: a bloc's knowledge, or one of a competency's lists. */
export type TextListRef =
  | { bloc: number; competency: null; list: 'knowledge' }
  | { bloc: number; competency: number; list: CompetencyList };

const CRITERIA_KEYS = new Set<string>(CRITERIA_GROUPS.map((g) => g.key));

/** "referential.blocs[0]", "referential.blocs[0].competencies[2]". */
export function blocField(bloc: number): string {
  return `referential.blocs[${bloc}]`;
}

export function competencyField(bloc: number, competency: number): string {
  return `${blocField(bloc)}.competencies[${competency}]`;
}

/** The server's field for a list ("…criteria.methods") or one of its items ("…criteria.methods[2]"). */
export function listField(ref: TextListRef, index?: number): string {
  const base =
    ref.competency === null
      ? `${blocField(ref.bloc)}.knowledge`
      : `${competencyField(ref.bloc, ref.competency)}.${CRITERIA_KEYS.has(ref.list) ? `criteria.${ref.list}` : ref.list}`;
  return index === undefined ? base : `${base}[${index}]`;
}

export function cloneReferential(referential: Referential): Referential {
  return structuredClone(referential);
}

function listOf(referential: Referential, ref: TextListRef): string[] {
  const bloc = referential.blocs[ref.bloc];
  if (!bloc) throw new RangeError(`no bloc ${ref.bloc}`);
  if (ref.competency === null) return bloc.knowledge;
  const competency = bloc.competencies[ref.competency];
  if (!competency) throw new RangeError(`no competency ${ref.competency} in bloc ${ref.bloc}`);
  if (ref.list === 'conditions' || ref.list === 'expected_results') return competency[ref.list];
  return competency.criteria[ref.list];
}

export function getList(referential: Referential, ref: TextListRef): readonly string[] {
  return listOf(referential, ref);
}

function updateBloc(referential: Referential, bloc: number, update: (b: ReferentialBloc) => void): Referential {
  const next = cloneReferential(referential);
  const target = next.blocs[bloc];
  if (!target) throw new RangeError(`no bloc ${bloc}`);
  update(target);
  return next;
}

/** The code as typed, in capitals; blank means "no code" (null). */
export function normaliseBlocCode(code: string): string | null {
  const trimmed = code.trim().toUpperCase();
  return trimmed === '' ? null : trimmed;
}

export function setBlocCode(referential: Referential, bloc: number, code: string): Referential {
  return updateBloc(referential, bloc, (b) => {
    b.code = normaliseBlocCode(code);
  });
}

export function setBlocTitle(referential: Referential, bloc: number, title: string): Referential {
  return updateBloc(referential, bloc, (b) => {
    b.title = title;
  });
}

export function setCompetencyTitle(referential: Referential, bloc: number, competency: number, title: string): Referential {
  return updateBloc(referential, bloc, (b) => {
    const c = b.competencies[competency];
    if (!c) throw new RangeError(`no competency ${competency}`);
    c.title = title;
  });
}

export function setListItem(referential: Referential, ref: TextListRef, index: number, text: string): Referential {
  const next = cloneReferential(referential);
  const list = listOf(next, ref);
  if (index < 0 || index >= list.length) throw new RangeError(`no item ${index}`);
  list[index] = text;
  return next;
}

/** Adds an empty item at the end (the form then asks for its text). */
export function addListItem(referential: Referential, ref: TextListRef, text = ''): Referential {
  const next = cloneReferential(referential);
  listOf(next, ref).push(text);
  return next;
}

export function removeListItem(referential: Referential, ref: TextListRef, index: number): Referential {
  const next = cloneReferential(referential);
  const list = listOf(next, ref);
  if (index < 0 || index >= list.length) throw new RangeError(`no item ${index}`);
  list.splice(index, 1);
  return next;
}

/** Lists the referential requires to keep at least one item. */
export function keepsOneItem(ref: TextListRef): boolean {
  return ref.list === 'conditions' || ref.list === 'expected_results';
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function competencyLists(bloc: number, competency: number): TextListRef[] {
  return [
    { bloc, competency, list: 'conditions' },
    ...CRITERIA_GROUPS.map((g) => ({ bloc, competency, list: g.key }) as TextListRef),
    { bloc, competency, list: 'expected_results' },
  ];
}

/**
 * What the server would refuse in the edited parts (the certification's identity,
 * bloc codes, RNCP codes and titles, competency titles and their lists, knowledge),
 * by field, in French: a malformed or repeated bloc code, an RNCP number or code
 * off its pattern, an empty text, an emptied list that must keep one item.
 */
export function validateDraft(referential: Referential): Record<string, string> {
  const errors: Record<string, string> = validateIdentityDraft(referential);
  const seen = new Map<string, number>();
  referential.blocs.forEach((bloc, b) => {
    if (bloc.code !== null) {
      if (!BLOC_CODE_PATTERN.test(bloc.code) || seen.has(bloc.code)) {
        errors[`${blocField(b)}.code`] = BLOC_CODE_MESSAGE(b + 1);
      } else {
        seen.set(bloc.code, b);
      }
    }
    if (isBlank(bloc.title)) errors[`${blocField(b)}.title`] = referentialFieldMessage(`${blocField(b)}.title`);
    const knowledge: TextListRef = { bloc: b, competency: null, list: 'knowledge' };
    bloc.knowledge.forEach((text, i) => {
      if (isBlank(text)) errors[listField(knowledge, i)] = EMPTY_TEXT_MESSAGE;
    });
    bloc.competencies.forEach((competency, c) => {
      if (isBlank(competency.title)) errors[`${competencyField(b, c)}.title`] = EMPTY_TEXT_MESSAGE;
      for (const ref of competencyLists(b, c)) {
        const list = listOf(referential, ref);
        if (keepsOneItem(ref) && list.length === 0) errors[listField(ref)] = referentialFieldMessage(listField(ref));
        list.forEach((text, i) => {
          if (isBlank(text)) errors[listField(ref, i)] = EMPTY_TEXT_MESSAGE;
        });
      }
    });
  });
  return errors;
}

export interface DraftChange {
  /** The server's field name of the item. */
  field: string;
  /** Where, in French: "Bloc 2 · code", "Compétence 1 · Méthodes utilisées n° 3". */
  where: string;
  before: string | null;
  after: string | null;
  /**
   * "filled": a bloc code (or RNCP code) given where there was none; "added"/"removed": a list
   * item (or a code taken away); "recorded"/"cleared": a member of the identity given or
   * emptied; "modified" otherwise.
   */
  action: 'added' | 'removed' | 'modified' | 'filled' | 'recorded' | 'cleared';
}

function actionOf(before: string | null, after: string | null, code = false): DraftChange['action'] {
  if (before === null) return code ? 'filled' : 'added';
  if (after === null) return 'removed';
  return 'modified';
}

/** "ajout", "code attribué"… for the summary of the form. */
export function draftActionLabel(change: Pick<DraftChange, 'action'>): string {
  switch (change.action) {
    case 'added':
      return 'ajout';
    case 'removed':
      return 'suppression';
    case 'filled':
      return 'code attribué';
    case 'recorded':
      return 'renseigné';
    case 'cleared':
      return 'effacé (non renseigné)';
    default:
      return 'modifié';
  }
}

const LIST_NAMES: Record<string, string> = {
  knowledge: 'Connaissance',
  conditions: 'Condition de réalisation',
  expected_results: 'Résultat attendu',
  ...Object.fromEntries(CRITERIA_GROUPS.map((g) => [g.key, `Critère (${g.heading})`])),
};

function compareLists(changes: DraftChange[], ref: TextListRef, prefix: string, before: readonly string[], after: readonly string[]): void {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i] ?? null;
    const b = after[i] ?? null;
    if (a !== b) {
      changes.push({
        field: listField(ref, i),
        where: `${prefix} · ${LIST_NAMES[ref.list]} n° ${i + 1}`,
        before: a,
        after: b,
        action: actionOf(a, b),
      });
    }
  }
}

/**
 * The edits made to the draft, place by place (the server's diff, which aligns the lists,
 * is shown once the proposal is sent): for the page's summary and to tell an untouched
 * form (nothing to propose).
 */
export function draftChanges(original: Referential, draft: Referential): DraftChange[] {
  const changes: DraftChange[] = identityDraftChanges(original, draft);
  draft.blocs.forEach((bloc, b) => {
    const old = original.blocs[b];
    if (!old) return;
    const prefix = `Bloc ${b + 1}`;
    if (old.code !== bloc.code) {
      changes.push({
        field: `${blocField(b)}.code`,
        where: `${prefix} · code`,
        before: old.code,
        after: bloc.code,
        action: actionOf(old.code, bloc.code, true),
      });
    }
    const rncp = blocRncpCodeChange(original, draft, b);
    if (rncp) changes.push(rncp);
    if (old.title !== bloc.title) {
      changes.push({
        field: `${blocField(b)}.title`,
        where: `${prefix} · intitulé`,
        before: old.title,
        after: bloc.title,
        action: 'modified',
      });
    }
    compareLists(changes, { bloc: b, competency: null, list: 'knowledge' }, prefix, old.knowledge, bloc.knowledge);
    bloc.competencies.forEach((competency: ReferentialCompetency, c) => {
      const was = old.competencies[c];
      if (!was) return;
      const where = `Compétence ${competency.number}`;
      if (was.title !== competency.title) {
        changes.push({
          field: `${competencyField(b, c)}.title`,
          where: `${where} · intitulé`,
          before: was.title,
          after: competency.title,
          action: 'modified',
        });
      }
      for (const ref of competencyLists(b, c)) compareLists(changes, ref, where, listOf(original, ref), listOf(draft, ref));
    });
  });
  return changes;
}

