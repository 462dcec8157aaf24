// The public verification page's logic: reading a code as a person types it
// (the server's rules: Crockford base32, O read as 0, I and L as 1, dashes and
// spaces ignored) and the verdict shown.

import type { Verification } from './juryTypes';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 12;
const GROUP = 4;

export const CODE_FORMAT_MESSAGE =
  'Un code de vérification compte 12 caractères (chiffres et lettres), par exemple K7QM-4XPA-9RTE.';

/** "K7QM-4XPA-9RTE" from what was typed ("k7qm 4xpa 9rte", "K7QM4XPA9RTE"...), or null if it cannot be a code. */
export function normaliseVerificationCode(typed: string): string | null {
  if (typed.length > 64) return null;
  let symbols = '';
  for (const raw of typed) {
    if (raw === '-' || raw === ' ' || raw === '\u00a0') continue;
    let c = raw.toUpperCase();
    if (c === 'O') c = '0';
    if (c === 'I' || c === 'L') c = '1';
    if (!ALPHABET.includes(c) || c.length !== 1) return null;
    symbols += c;
  }
  if (symbols.length !== SYMBOLS) return null;
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

export type VerdictKind = 'valid' | 'revoked' | 'unknown';

export interface Verdict {
  kind: VerdictKind;
  title: string;
  text: string;
}

/** The verdict for an answer of GET /verify/{code}, or for an unknown code (null). */
export function verdictOf(result: Verification | null): Verdict {
  if (!result) {
    return {
      kind: 'unknown',
      title: 'Code inconnu',
      text: "Aucun certificat ni aucune attestation ne porte ce code. Vérifiez le code imprimé sur le document.",
    };
  }
  if (result.valid && result.status === 'valid') {
    return {
      kind: 'valid',
      title: 'Certificat valide',
      text: 'Ce document a été délivré par un jury paritaire de la métallurgie et la décision est en vigueur.',
    };
  }
  return {
    kind: 'revoked',
    title: 'Décision révoquée',
    text: "La décision du jury qui a délivré ce document a été révoquée : il n'a plus de valeur.",
  };
}
