// The certification's identity in the changes between two versions (GET
// /cqpms/{id}/diff, a proposal's changes). The server's diff has no kind of its
// own for these members: it reports them as kind "field" (a member it does not
// know specifically) with their path, "identity.rncp.registered" or
// "blocs[1].rncp_code"; a server that compares the identity as a whole reports
// one change at "identity" (or "identity.rncp") with the objects, which is
// split here into one change per member. French labels, values and actions.

import {
  IDENTITY_KEYS,
  IDENTITY_LABELS,
  NOT_RECORDED,
  identityPath,
  identityValueLabel,
  identityValues,
  type IdentityKey,
} from './certificationIdentity';
import type { CertificationIdentity, ReferentialChange } from './referentialTypes';

const BLOC_RNCP_CODE = /^blocs\[(\d+)\]\.rncp_code$/;

/** What an identity path names: one member, a bloc's RNCP code, or the identity (or fiche) as a whole. */
export type IdentityTarget =
  | { kind: 'member'; key: IdentityKey }
  | { kind: 'bloc_rncp_code'; bloc: number }
  | { kind: 'whole'; part: 'identity' | 'rncp' };

export function identityTarget(path: string): IdentityTarget | null {
  if (path === 'identity') return { kind: 'whole', part: 'identity' };
  if (path === 'identity.rncp') return { kind: 'whole', part: 'rncp' };
  const key = IDENTITY_KEYS.find((k) => identityPath(k) === path);
  if (key) return { kind: 'member', key };
  const bloc = BLOC_RNCP_CODE.exec(path);
  if (bloc) return { kind: 'bloc_rncp_code', bloc: Number(bloc[1]) };
  return null;
}

/**
 * The French label of a diff path of the identity: « N° de CQPM », « Fiche RNCP — numéro »,
 * « Niveau », « Début d'enregistrement », « Fin d'enregistrement », « Inscrit au RNCP »,
 * « Code RNCP du bloc 2 »; null for any other path.
 */
export function identityPathLabel(path: string): string | null {
  const target = identityTarget(path);
  if (!target) return null;
  switch (target.kind) {
    case 'member':
      return IDENTITY_LABELS[target.key];
    case 'bloc_rncp_code':
      return `Code RNCP du bloc ${target.bloc + 1}`;
    default:
      return target.part === 'identity' ? 'Identité de la certification' : 'Fiche RNCP';
  }
}

/** Whether the change is about the identity (whatever kind the server gives it, when it names none of its own). */
export function isIdentityChange(change: Pick<ReferentialChange, 'path'>): boolean {
  return identityTarget(change.path) !== null;
}

/** Whether the change belongs to the « Identité de la certification » group (not a bloc's). */
export function isCertificationIdentityChange(change: Pick<ReferentialChange, 'path'>): boolean {
  const target = identityTarget(change.path);
  return target !== null && target.kind !== 'bloc_rncp_code';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An identity from the value of a change at "identity" or "identity.rncp". */
function asIdentity(value: unknown, part: 'identity' | 'rncp'): CertificationIdentity | null {
  if (!isRecord(value)) return null;
  return part === 'identity' ? (value as CertificationIdentity) : { rncp: value };
}

/**
 * The changes with each change of the whole identity (or fiche) split into one
 * change per member that differs (kind "field", as the server names members).
 * A whole change in which no member differs (say null became {}) is kept as is.
 */
export function expandIdentityChanges(changes: readonly ReferentialChange[]): ReferentialChange[] {
  const out: ReferentialChange[] = [];
  for (const change of changes) {
    const target = identityTarget(change.path);
    if (!target || target.kind !== 'whole') {
      out.push(change);
      continue;
    }
    const before = identityValues(asIdentity(change.old_value, target.part));
    const after = identityValues(asIdentity(change.new_value, target.part));
    const keys = target.part === 'identity' ? IDENTITY_KEYS : IDENTITY_KEYS.filter((k) => k !== 'cqpm_number');
    const members = keys.filter((k) => before[k] !== after[k]);
    if (members.length === 0) {
      out.push(change);
      continue;
    }
    for (const key of members) {
      const old = before[key];
      const next = after[key];
      out.push({
        ...change,
        kind: 'field',
        action: old === null ? 'added' : next === null ? 'removed' : 'changed',
        path: identityPath(key),
        old_value: old,
        new_value: next,
        from_index: null,
        to_index: null,
      });
    }
  }
  return out;
}

/** The action of an identity change: « Renseigné », « Effacé », « Modification »; a bloc's code: « Code attribué ». */
export function identityActionLabel(change: Pick<ReferentialChange, 'path' | 'action'>): string {
  const target = identityTarget(change.path);
  const code = target?.kind === 'bloc_rncp_code';
  switch (change.action) {
    case 'added':
    case 'filled':
      return code ? 'Code attribué' : 'Renseigné';
    case 'removed':
      return code ? 'Suppression' : 'Effacé';
    default:
      return 'Modification';
  }
}

/**
 * A value of an identity change as text, « non renseigné » when absent: a date as
 * jj/mm/aaaa, the level, oui/non; the identity or fiche as a whole, member by member.
 */
export function identityValueText(change: Pick<ReferentialChange, 'path'>, value: unknown): string {
  const target = identityTarget(change.path);
  if (!target) return value === null || value === undefined ? NOT_RECORDED : String(value);
  switch (target.kind) {
    case 'member':
      return identityValueLabel(target.key, value);
    case 'bloc_rncp_code':
      return typeof value === 'string' && value.trim() ? value : NOT_RECORDED;
    default: {
      if (!isRecord(value)) return NOT_RECORDED;
      const values = identityValues(asIdentity(value, target.part));
      const keys = target.part === 'identity' ? IDENTITY_KEYS : IDENTITY_KEYS.filter((k) => k !== 'cqpm_number');
      return keys.map((k) => `${IDENTITY_LABELS[k]} : ${identityValueLabel(k, values[k])}`).join(' ; ');
    }
  }
}
