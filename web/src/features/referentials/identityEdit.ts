// Editing the certification's identity in a GTP proposal (the draft of
// ProposeChangePage): the CQPM number, the RNCP fiche, and each bloc's RNCP
// code. Every change returns a new document. Field names are the server's:
// "referential.identity.rncp.number", "referential.blocs[0].rncp_code".
//
// The document sent: an empty input is a null member; an RNCP fiche with
// nothing recorded is null; an identity with nothing recorded is left out (the
// schema has no null identity). Where the auditor ends up saying what the
// version in force already says, the version's own form is kept, so that an
// edit undone is no change.

import {
  IDENTITY_KEYS,
  IDENTITY_LABELS,
  blocRncpCodePath,
  identityDocument,
  identityPath,
  identityValues,
  sameIdentity,
  validateBlocRncpCodes,
  validateIdentity,
  type IdentityKey,
  type IdentityValues,
} from './certificationIdentity';
import type { Referential } from './referentialTypes';

/** The field of the whole identity, and of the fiche, for the server's errors that name no member. */
export const IDENTITY_FIELD = 'referential.identity';
export const RNCP_FIELD = 'referential.identity.rncp';

/** "referential.identity.cqpm_number", "referential.identity.rncp.level". */
export function identityField(key: IdentityKey): string {
  return `referential.${identityPath(key)}`;
}

/** "referential.blocs[0].rncp_code". */
export function blocRncpCodeField(bloc: number): string {
  return `referential.${blocRncpCodePath(bloc)}`;
}

/** The values as the form's inputs hold them: texts, '' for « non renseigné ». */
export type IdentityInputs = Record<IdentityKey, string>;

export function identityInputs(referential: Pick<Referential, 'identity'>): IdentityInputs {
  const v = identityValues(referential.identity);
  return {
    cqpm_number: v.cqpm_number ?? '',
    number: v.number ?? '',
    level: v.level === null ? '' : String(v.level),
    registration_start: v.registration_start ?? '',
    registration_end: v.registration_end ?? '',
    registered: v.registered === null ? '' : String(v.registered),
  };
}

/** An RNCP number or bloc code as typed: in capitals, without spaces; blank is null. */
export function normaliseRncpCode(code: string): string | null {
  const compact = code.replace(/\s+/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

/** The value of one member from its input ('' → null). The CQPM number is kept as typed (trimmed when sent). */
export function identityValueFromInput(key: IdentityKey, input: string): IdentityValues[IdentityKey] {
  if (input.trim() === '') return null;
  switch (key) {
    case 'number':
      return normaliseRncpCode(input);
    case 'level': {
      const n = Number(input);
      return Number.isInteger(n) ? n : null;
    }
    case 'registered':
      return input === 'true' ? true : input === 'false' ? false : null;
    case 'registration_start':
    case 'registration_end':
      return input.trim();
    default:
      return input;
  }
}

/** The draft with one member of the identity set from its input. */
export function setIdentityInput(referential: Referential, key: IdentityKey, input: string): Referential {
  const values = { ...identityValues(referential.identity), [key]: identityValueFromInput(key, input) } as IdentityValues;
  const next = structuredClone(referential);
  const identity = identityDocument(values);
  if (identity) next.identity = identity;
  else delete next.identity;
  return next;
}

export function setBlocRncpCode(referential: Referential, bloc: number, code: string): Referential {
  const next = structuredClone(referential);
  const target = next.blocs[bloc];
  if (!target) throw new RangeError(`no bloc ${bloc}`);
  target.rncp_code = normaliseRncpCode(code);
  return next;
}

function blank(code: string | null | undefined): boolean {
  return code === null || code === undefined || code.trim() === '';
}

/**
 * The draft as it is sent: the CQPM number trimmed; the identity, and each
 * bloc's RNCP code, in the original's own form where they say the same thing
 * (absent stays absent).
 */
export function finaliseIdentity(original: Referential, draft: Referential): Referential {
  const next = structuredClone(draft);
  if (next.identity && typeof next.identity.cqpm_number === 'string') {
    const trimmed = next.identity.cqpm_number.trim();
    const values = { ...identityValues(next.identity), cqpm_number: trimmed === '' ? null : trimmed };
    const identity = identityDocument(values);
    if (identity) next.identity = identity;
    else delete next.identity;
  }
  if (sameIdentity(original.identity, next.identity)) {
    if (original.identity === undefined) delete next.identity;
    else next.identity = structuredClone(original.identity);
  }
  next.blocs.forEach((bloc, b) => {
    const old = original.blocs[b];
    if (!old || !blank(bloc.rncp_code) || !blank(old.rncp_code)) return;
    if ('rncp_code' in old) bloc.rncp_code = old.rncp_code;
    else delete bloc.rncp_code;
  });
  return next;
}

/** What the server would refuse in the identity and the blocs' RNCP codes, by field, in French. */
export function validateIdentityDraft(referential: Referential): Record<string, string> {
  const errors: Record<string, string> = {};
  const values = identityValues(referential.identity);
  const found = validateIdentity(values);
  for (const key of IDENTITY_KEYS) {
    const message = found[key];
    if (message) errors[identityField(key)] = message;
  }
  const codes = referential.blocs.map((b) => b.rncp_code);
  for (const [b, message] of Object.entries(validateBlocRncpCodes(codes, values.number))) {
    errors[blocRncpCodeField(Number(b))] = message;
  }
  return errors;
}

export interface IdentityDraftChange {
  field: string;
  /** "Identité · N° de CQPM", "Bloc 2 · code RNCP". */
  where: string;
  before: string | null;
  after: string | null;
  /** recorded: given where nothing was; cleared: emptied; filled/removed: a bloc's RNCP code. */
  action: 'recorded' | 'cleared' | 'modified' | 'filled' | 'removed';
}

function shown(value: IdentityValues[IdentityKey]): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return String(value);
}

/** The identity's members the draft changes, in the form's order. */
export function identityDraftChanges(original: Referential, draft: Referential): IdentityDraftChange[] {
  const before = identityValues(original.identity);
  const after = identityValues(draft.identity);
  const changes: IdentityDraftChange[] = [];
  for (const key of IDENTITY_KEYS) {
    const a = key === 'cqpm_number' ? (before[key]?.trim() ?? null) : before[key];
    const b = key === 'cqpm_number' ? (after[key]?.trim() || null) : after[key];
    if (a === b) continue;
    changes.push({
      field: identityField(key),
      where: `Identité · ${IDENTITY_LABELS[key]}`,
      before: shown(a),
      after: shown(b),
      action: a === null ? 'recorded' : b === null ? 'cleared' : 'modified',
    });
  }
  return changes;
}

/** The bloc's RNCP code change, if any (blank and absent alike). */
export function blocRncpCodeChange(original: Referential, draft: Referential, bloc: number): IdentityDraftChange | null {
  const a = blank(original.blocs[bloc]?.rncp_code) ? null : original.blocs[bloc]!.rncp_code!;
  const b = blank(draft.blocs[bloc]?.rncp_code) ? null : draft.blocs[bloc]!.rncp_code!;
  if (a === b) return null;
  return {
    field: blocRncpCodeField(bloc),
    where: `Bloc ${bloc + 1} · code RNCP`,
    before: a,
    after: b,
    action: a === null ? 'filled' : b === null ? 'removed' : 'modified',
  };
}
