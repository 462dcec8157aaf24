// The GTP's view of a referential's history: French labels of the changes
// between two versions (GET /cqpms/{id}/diff, a proposal's changes), their
// grouping by bloc and competency, a word-level comparison of a reworded text,
// the blame annotations of the referential page, the impact of a proposal on
// the files in progress, and which review buttons a GTP auditor sees.

import { identityPathLabel, isCertificationIdentityChange } from './identityDiff';
import { collegeLabel, pathwayLabel } from '../../shared/format/labels';
import { CRITERIA_GROUPS, blocCodeLabel } from './referential';
import type { User } from '../../shared/api/types';
import type {
  BlameItem,
  CentreStateCount,
  Proposal,
  Referential,
  ReferentialChange,
  ReferentialCompetency,
} from './referentialTypes';

// ---- Labels ------------------------------------------------------------------

export const ACTION_LABELS: Record<string, string> = {
  added: 'Ajout',
  removed: 'Suppression',
  reworded: 'Reformulation',
  moved: 'Déplacement',
  filled: 'Code attribué',
  changed: 'Modification',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const KIND_LABELS: Record<string, string> = {
  id: 'Identifiant du CQPM',
  title: 'Titre du CQPM',
  source: 'Document source',
  activity: 'Activité',
  activity_title: "Intitulé de l'activité",
  note: 'Note',
  note_title: 'Titre de la note',
  bloc: 'Bloc de compétences',
  bloc_code: 'Code du bloc',
  bloc_title: 'Intitulé du bloc',
  knowledge: 'Connaissance associée',
  competency: 'Compétence',
  competency_title: 'Intitulé de la compétence',
  condition: 'Condition de réalisation',
  criterion: 'Critère',
  expected_result: 'Résultat attendu',
  modality: "Modalité d'évaluation",
  modality_label: 'Intitulé de la modalité',
  modality_description: 'Description de la modalité',
  modality_field: 'Paramètre de la modalité',
  field: 'Autre élément',
};

/** The headings of the referential's top-level texts (kind "text"), by the first member of the path. */
const TEXT_SECTIONS: Record<string, string> = {
  mission: 'Mission',
  work_environment: 'Environnement de travail',
  interactions: "Interactions dans l'environnement de travail",
  evolutions: 'Analyse et évolutions du métier',
  evaluation: "Modalités d'évaluation (présentation)",
  admissibility: "Conditions d'admissibilité",
  activities: "Description d'une activité",
  notes: "Texte d'une note",
};

const MODALITY_FIELDS: Record<string, string> = {
  excluded_pathways: 'Parcours exclus',
  exceptional: 'Modalité exceptionnelle',
};

const SOURCE_FIELDS: Record<string, string> = {
  'source.document': 'Document source',
  'source.title': 'Titre du document source',
};

export function criteriaGroupHeading(group: string | null | undefined): string | null {
  if (!group) return null;
  return CRITERIA_GROUPS.find((g) => g.key === group)?.heading ?? group;
}

/** The place of a list item as people count it ("n° 3"), or null for items that are not in a list. */
function itemNumber(change: ReferentialChange): number | null {
  const index = change.action === 'removed' ? change.from_index : (change.to_index ?? change.from_index);
  return typeof index === 'number' ? index + 1 : null;
}

const LIST_KINDS = new Set(['knowledge', 'condition', 'criterion', 'expected_result', 'text', 'modality_description']);

/** What changed, in French: "Critère (Méthodes utilisées) n° 2", "Code du bloc", "Intitulé de la compétence"… */
export function changeSubject(change: ReferentialChange): string {
  // The identity's members come as "field" (the server's diff has no kind of its own for them).
  const identity = change.kind === 'field' || !(change.kind in KIND_LABELS) ? identityPathLabel(change.path) : null;
  if (identity) return identity;
  let subject = KIND_LABELS[change.kind] ?? change.kind;
  if (change.kind === 'text') {
    const head = /^([a-z_]+)/.exec(change.path)?.[1] ?? '';
    subject = TEXT_SECTIONS[head] ?? 'Texte';
  } else if (change.kind === 'source') {
    subject = SOURCE_FIELDS[change.path] ?? subject;
  } else if (change.kind === 'modality_field') {
    const key = change.path.split('.').pop() ?? '';
    subject = MODALITY_FIELDS[key] ?? subject;
  } else if (change.kind === 'criterion') {
    const group = criteriaGroupHeading(change.group);
    if (group) subject = `${subject} (${group})`;
  } else if (change.kind === 'competency' && change.competency !== null) {
    subject = `Compétence ${change.competency}`;
  } else if (change.kind === 'field') {
    subject = `${subject} (${change.path})`;
  }
  const n = LIST_KINDS.has(change.kind) && change.action !== 'moved' ? itemNumber(change) : null;
  return n === null ? subject : `${subject} n° ${n}`;
}

/** A sentence on a move: "de la place 5 à la place 1", or "du bloc X au bloc Y" for a competency. */
export function moveDescription(change: ReferentialChange): string | null {
  if (change.action !== 'moved') return null;
  if (change.kind === 'competency') {
    const from = formatValue(change.old_value);
    const to = formatValue(change.new_value);
    if (from && to) return `Du bloc ${blocLabel(from)} au bloc ${blocLabel(to)}`;
  }
  if (typeof change.from_index === 'number' && typeof change.to_index === 'number') {
    return `De la place ${change.from_index + 1} à la place ${change.to_index + 1}`;
  }
  return null;
}

/** "BDC0198" as is, "bloc 2" (a bloc without code, as the server names it) as "2 (code non attribué)". */
function blocLabel(label: string): string {
  const match = /^bloc (\d+)$/i.exec(label);
  return match ? `${match[1]} (code non attribué)` : label;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value of a change as text: texts as they are; a competency as "Compétence 4 : title";
 * a bloc as "BDC0198 — title"; a modality or section by its label or title; lists joined;
 * booleans as oui/non; pathways by their French label. Null or absent: null.
 */
export function formatValue(value: unknown, kind?: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return kind === 'modality_field' ? pathwayLabel(value) : value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'aucun';
    return value.map((v) => formatValue(v, kind) ?? '—').join(', ');
  }
  if (isRecord(value)) {
    if (typeof value.number === 'number' && typeof value.title === 'string') {
      return `Compétence ${value.number} : ${value.title}`;
    }
    if ('code' in value && typeof value.title === 'string') {
      return `${blocCodeLabel(typeof value.code === 'string' ? value.code : null)} — ${value.title}`;
    }
    if (typeof value.label === 'string') return value.label;
    if (typeof value.title === 'string') return value.title;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Which side of the comparison shows something: "removed" only the old, "added" and "filled" only the new. */
export function changeSides(change: ReferentialChange): { old: boolean; new: boolean } {
  switch (change.action) {
    case 'added':
    case 'filled':
      return { old: false, new: true };
    case 'removed':
      return { old: true, new: false };
    default:
      return { old: true, new: true };
  }
}

// ---- Grouping by bloc and competency -------------------------------------------

export interface ChangeSection {
  key: string;
  /** The competency's number, or null for the bloc's own items (code, title, knowledge). */
  competency: number | null;
  title: string | null;
  changes: ReferentialChange[];
}

export interface ChangeGroup {
  key: string;
  kind: 'identity' | 'general' | 'bloc' | 'modalities';
  title: string;
  sections: ChangeSection[];
}

const MODALITY_KINDS = new Set(['modality', 'modality_label', 'modality_description', 'modality_field']);

function findCompetency(referential: Referential | null | undefined, number: number): ReferentialCompetency | null {
  for (const bloc of referential?.blocs ?? []) {
    const found = bloc.competencies.find((c) => c.number === number);
    if (found) return found;
  }
  return null;
}

/** The position of a bloc named by the server's label ("BDC0198", or "bloc 2" when it has no code). */
export function blocIndexOf(label: string, referentials: ReadonlyArray<Referential | null | undefined>): number | null {
  const numbered = /^bloc (\d+)$/i.exec(label);
  if (numbered) return Number(numbered[1]) - 1;
  for (const referential of referentials) {
    const index = referential?.blocs.findIndex((b) => b.code === label) ?? -1;
    if (index >= 0) return index;
  }
  return null;
}

function blocGroupTitle(label: string, pathIndex: number | null, referentials: ReadonlyArray<Referential | null | undefined>): string {
  const index = pathIndex ?? blocIndexOf(label, referentials);
  if (index === null) return `Bloc ${blocLabel(label)}`;
  const bloc = referentials.map((r) => r?.blocs[index]).find((b) => b);
  const code = /^bloc \d+$/i.test(label) ? (bloc?.code ?? null) : label;
  return `Bloc ${index + 1} · ${blocCodeLabel(code)}${bloc ? ` — ${bloc.title}` : ''}`;
}

/**
 * The changes grouped as the GTP reads them, in the order they come (the server gives
 * document order): the certification's identity (first); the general texts; each bloc (by the server's bloc label), with its
 * own items first and then one section per competency; the modalities. `referentials`
 * (the new version first, then the old) give the titles of blocs and competencies.
 */
export function groupChanges(
  changes: readonly ReferentialChange[],
  referentials: ReadonlyArray<Referential | null | undefined> = [],
): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  const byKey = new Map<string, { group: ChangeGroup; pathIndex: number | null; label: string | null }>();

  for (const change of changes) {
    let key: string;
    let kind: ChangeGroup['kind'];
    if (change.bloc) {
      key = `bloc:${change.bloc}`;
      kind = 'bloc';
    } else if (isCertificationIdentityChange(change)) {
      key = 'identity';
      kind = 'identity';
    } else if (MODALITY_KINDS.has(change.kind)) {
      key = 'modalities';
      kind = 'modalities';
    } else {
      key = 'general';
      kind = 'general';
    }
    let entry = byKey.get(key);
    if (!entry) {
      const title =
        kind === 'identity'
          ? 'Identité de la certification'
          : kind === 'general'
            ? 'Présentation du CQPM'
            : kind === 'modalities'
              ? "Modalités d'évaluation"
              : '';
      entry = { group: { key, kind, title, sections: [] }, pathIndex: null, label: change.bloc };
      byKey.set(key, entry);
      groups.push(entry.group);
    }
    const blocPath = /^blocs\[(\d+)\]/.exec(change.path);
    if (blocPath && entry.pathIndex === null) entry.pathIndex = Number(blocPath[1]);

    const competency = kind === 'bloc' ? change.competency : null;
    const sectionKey = competency === null ? `${key}:bloc` : `${key}:competency:${competency}`;
    let section = entry.group.sections.find((s) => s.key === sectionKey);
    if (!section) {
      let title: string | null = null;
      if (competency !== null) {
        const found = referentials.map((r) => findCompetency(r, competency)).find((c) => c);
        title = found ? `Compétence ${competency} — ${found.title}` : `Compétence ${competency}`;
      }
      section = { key: sectionKey, competency, title, changes: [] };
      entry.group.sections.push(section);
    }
    section.changes.push(change);
  }

  for (const entry of byKey.values()) {
    if (entry.group.kind === 'bloc' && entry.label) {
      entry.group.title = blocGroupTitle(entry.label, entry.pathIndex, referentials);
    }
    // The bloc's own items before its competencies.
    entry.group.sections.sort((a, b) => (a.competency === null ? 0 : 1) - (b.competency === null ? 0 : 1));
  }
  // The certification's identity first, as on the referential page (the server reports it last).
  return [...groups.filter((g) => g.kind === 'identity'), ...groups.filter((g) => g.kind !== 'identity')];
}

/** "3 changements : 1 ajout, 2 reformulations". */
export function changesSummary(changes: readonly ReferentialChange[]): string {
  if (changes.length === 0) return 'Aucun changement';
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.action, (counts.get(c.action) ?? 0) + 1);
  const plural: Record<string, [string, string]> = {
    added: ['ajout', 'ajouts'],
    removed: ['suppression', 'suppressions'],
    reworded: ['reformulation', 'reformulations'],
    moved: ['déplacement', 'déplacements'],
    filled: ['code attribué', 'codes attribués'],
    changed: ['modification', 'modifications'],
  };
  const parts = [...counts.entries()].map(([action, n]) => {
    const words = plural[action] ?? [action, action];
    return `${n} ${n > 1 ? words[1] : words[0]}`;
  });
  return `${changes.length} changement${changes.length > 1 ? 's' : ''} : ${parts.join(', ')}`;
}

// ---- Word-level comparison of a reworded text ------------------------------------

export interface Segment {
  text: string;
  /** True for the words removed (old side) or added (new side). */
  changed: boolean;
}

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== '');
}

function pushSegment(segments: Segment[], text: string, changed: boolean): void {
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

/**
 * The words of `before` and `after` split into kept and changed runs (a longest common
 * subsequence of words and spaces; a space between two changed words is changed too).
 * Texts that share less than a third of their words, or too long to compare word by
 * word, are left unmarked (the whole text is new: marking every word would only add noise).
 */
export function wordDiff(before: string, after: string): { old: Segment[]; new: Segment[] } {
  const a = tokens(before);
  const b = tokens(after);
  const whole = () => ({
    old: before ? [{ text: before, changed: false }] : [],
    new: after ? [{ text: after, changed: false }] : [],
  });
  if (a.length * b.length > 250_000) return whole();
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const old: Segment[] = [];
  const next: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pushSegment(old, a[i]!, false);
      pushSegment(next, b[j]!, false);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      pushSegment(old, a[i++]!, true);
    } else {
      pushSegment(next, b[j++]!, true);
    }
  }
  while (i < a.length) pushSegment(old, a[i++]!, true);
  while (j < b.length) pushSegment(next, b[j++]!, true);

  const words = (list: string[]) => list.filter((t) => !/^\s+$/.test(t)).length;
  const kept = (segments: Segment[]) => words(segments.filter((s) => !s.changed).flatMap((s) => tokens(s.text)));
  const shared = kept(old);
  if (shared * 3 < Math.max(words(a), words(b))) return whole();
  return { old: joinSpaces(old), new: joinSpaces(next) };
}

/** A kept run of spaces alone between two changed runs joins them. */
function joinSpaces(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k]!;
    const prev = out[out.length - 1];
    const following = segments[k + 1];
    if (!s.changed && /^\s+$/.test(s.text) && prev?.changed && following?.changed) {
      prev.text += s.text + following.text;
      k++;
      continue;
    }
    pushSegment(out, s.text, s.changed);
  }
  return out;
}

// ---- Blame ---------------------------------------------------------------------------

/** The paths of GET /cqpms/{id}/blame (and of the diff), for the items the referential page annotates. */
export const blamePath = {
  blocCode: (bloc: number) => `blocs[${bloc}].code`,
  blocTitle: (bloc: number) => `blocs[${bloc}].title`,
  knowledge: (bloc: number, index: number) => `blocs[${bloc}].knowledge[${index}]`,
  competency: (number: number) => `competencies.${number}`,
  competencyTitle: (number: number) => `competencies.${number}.title`,
  condition: (number: number, index: number) => `competencies.${number}.conditions[${index}]`,
  criterion: (number: number, group: string, index: number) => `competencies.${number}.criteria.${group}[${index}]`,
  expectedResult: (number: number, index: number) => `competencies.${number}.expected_results[${index}]`,
};

export type BlameIndex = ReadonlyMap<string, BlameItem>;

export function indexBlame(items: readonly BlameItem[]): BlameIndex {
  return new Map(items.map((item) => [item.path, item]));
}

/** The annotation of an item: "v2". */
export function blameLabel(version: number): string {
  return `v${version}`;
}

/** Its explanation: "Modifié en dernier en version 2", or unchanged since version 1. */
export function blameTitle(version: number): string {
  return version === 1 ? "Inchangé depuis la version 1 (d'origine)" : `Modifié en dernier en version ${version}`;
}

/** The highest version any item was last changed in (1 when nothing changed since the first). */
export function latestBlameVersion(items: readonly BlameItem[]): number {
  return items.reduce((max, item) => Math.max(max, item.version), 1);
}

// ---- Impact on the files in progress --------------------------------------------------

export interface ImpactTable {
  states: string[];
  rows: { centreId: string; centre: string; counts: Record<string, number>; total: number }[];
  totals: Record<string, number>;
  total: number;
}

/**
 * Files pinned to a version as a table: one row per centre (by name), one column per
 * state (in `stateOrder`, the workflow's order; unknown states after, by name).
 */
export function impactTable(rows: readonly CentreStateCount[], stateOrder: readonly string[] = []): ImpactTable {
  const stateSet = new Set(rows.map((r) => r.state));
  const rank = (s: string) => {
    const i = stateOrder.indexOf(s);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const states = [...stateSet].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const byCentre = new Map<string, ImpactTable['rows'][number]>();
  const totals: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    let row = byCentre.get(r.centre_id);
    if (!row) {
      row = { centreId: r.centre_id, centre: r.centre, counts: {}, total: 0 };
      byCentre.set(r.centre_id, row);
    }
    row.counts[r.state] = (row.counts[r.state] ?? 0) + r.count;
    row.total += r.count;
    totals[r.state] = (totals[r.state] ?? 0) + r.count;
    total += r.count;
  }
  return {
    states,
    rows: [...byCentre.values()].sort((a, b) => a.centre.localeCompare(b.centre, 'fr')),
    totals,
    total,
  };
}

/** "2 dossiers", "1 dossier", "aucun dossier". */
export function filesCount(n: number): string {
  if (n === 0) return 'aucun dossier';
  return `${n} dossier${n > 1 ? 's' : ''}`;
}

// ---- Proposals ------------------------------------------------------------------------

export const PROPOSAL_STATES: ReadonlyArray<{ id: string; label: string; plural: string }> = [
  { id: 'open', label: 'Ouverte', plural: 'Ouvertes' },
  { id: 'approved', label: 'Approuvée', plural: 'Approuvées' },
  { id: 'rejected', label: 'Rejetée', plural: 'Rejetées' },
  { id: 'published', label: 'Publiée', plural: 'Publiées' },
];

export function proposalStateLabel(state: string): string {
  return PROPOSAL_STATES.find((s) => s.id === state)?.label ?? state;
}

/** The two colleges of the GTP, each of which approves a change once. */
export const COLLEGES: readonly string[] = ['employer', 'employee'];

export function isGtpAuditor(user: Pick<User, 'role'> | null | undefined): boolean {
  return user?.role === 'gtp_auditor';
}

export interface ReviewActions {
  approve: boolean;
  reject: boolean;
  publish: boolean;
  /** Why the user cannot approve, in French, or null. */
  note: string | null;
}

/**
 * The buttons a user sees on a proposal: only GTP auditors review. An open proposal can be
 * approved by a member of a college that has not approved yet (the proposer's college has:
 * proposing counts as its approval) and rejected; an approved one published or rejected.
 */
export function reviewActions(
  user: Pick<User, 'id' | 'role' | 'college'> | null | undefined,
  proposal: Pick<Proposal, 'state' | 'approvals' | 'colleges' | 'proposer'>,
): ReviewActions {
  const none: ReviewActions = { approve: false, reject: false, publish: false, note: null };
  if (!user || !isGtpAuditor(user)) return none;
  if (proposal.state === 'approved') return { approve: false, reject: true, publish: true, note: null };
  if (proposal.state !== 'open') return none;
  const missing = COLLEGES.filter((c) => !proposal.colleges[c]);
  const waitingFor = missing.map((c) => collegeLabel(c)).join(' et ');
  if (proposal.approvals.some((a) => a.user_id === user.id)) {
    const yours = proposal.proposer.id === user.id;
    return {
      ...none,
      reject: true,
      note: `${yours ? 'Votre proposition compte comme votre approbation' : 'Vous avez déjà approuvé cette proposition'}${
        waitingFor ? ` ; l'approbation du ${waitingFor} est attendue.` : '.'
      }`,
    };
  }
  const college = user.college ?? '';
  const approvedBy = proposal.colleges[college];
  if (approvedBy) {
    return {
      ...none,
      reject: true,
      note: `Le ${collegeLabel(college)} a déjà approuvé (${approvedBy})${
        waitingFor ? ` ; l'approbation du ${waitingFor} est attendue.` : '.'
      }`,
    };
  }
  return { approve: true, reject: true, publish: false, note: null };
}

/** A positive integer from a URL parameter, or null. */
export function parseVersion(text: string | null | undefined): number | null {
  if (!text || !/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

/** Links of the GTP pages. */
export const historyLinks = {
  versions: (cqpm: string) => `/cqpm/${encodeURIComponent(cqpm)}/versions`,
  version: (cqpm: string, version: number) => `/cqpm/${encodeURIComponent(cqpm)}/versions/${version}`,
  pinnedFiles: (cqpm: string, version: number) => `/cqpm/${encodeURIComponent(cqpm)}/versions/${version}#dossiers`,
  diff: (cqpm: string, from?: number | null, to?: number | null) => {
    const search = new URLSearchParams();
    if (from) search.set('de', String(from));
    if (to) search.set('a', String(to));
    const q = search.toString();
    return `/cqpm/${encodeURIComponent(cqpm)}/comparer${q ? `?${q}` : ''}`;
  },
  propose: (cqpm: string) => `/cqpm/${encodeURIComponent(cqpm)}/proposer`,
  proposals: (filters: { cqpm?: string; state?: string } = {}) => {
    const search = new URLSearchParams();
    if (filters.cqpm) search.set('cqpm', filters.cqpm);
    if (filters.state) search.set('etat', filters.state);
    const q = search.toString();
    return `/propositions${q ? `?${q}` : ''}`;
  },
  proposal: (id: number) => `/propositions/${id}`,
};
