// The typed habilitations and authorisations a CQPM asks for at registration
// (a `credential_list` field, e.g. the electrical habilitations of the
// « Technicien en maintenance industrielle »): the rows the forms edit, their
// checks before sending (in the words of the plugins' own checks, « ligne N »
// counted from 1), and how an answer reads on the file page
// (« B1V — délivrée par …, valable jusqu'au 31/12/2027 »). An earlier file
// may hold plain texts in such a field: they read as they are, and a
// correction replaces them with typed rows.

import { isCalendarDate } from '../referentials/certificationIdentity';
import { formatCalendarDate } from '../../shared/format/format';
import { utf8Length } from '../../shared/format/textList';
import type { Credential, RegistrationField } from '../referentials/referentialTypes';

/** The parts of a row, in the order of its inputs. */
export type CredentialPart = keyof Credential;
export const CREDENTIAL_PARTS: readonly CredentialPart[] = ['symbol', 'issuer', 'valid_until'];

/** A row of the form: what was typed (a Credential once trimmed). */
export type CredentialRow = Credential;

export const EMPTY_CREDENTIAL: CredentialRow = { symbol: '', issuer: '', valid_until: '' };

/** The plugins' limits, in UTF-8 bytes. */
const SYMBOL_MAX_BYTES = 40;
const ISSUER_MAX_BYTES = 200;

function isCredential(value: unknown): value is Credential {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.symbol === 'string' && typeof v.issuer === 'string' && typeof v.valid_until === 'string';
}

/** The credentials an answer holds (its typed entries). */
export function credentialsOf(value: unknown): Credential[] {
  return Array.isArray(value)
    ? value.filter(isCredential).map((c) => ({ symbol: c.symbol, issuer: c.issuer, valid_until: c.valid_until }))
    : [];
}

/** The plain texts an earlier file holds in the field, from before credentials were typed. */
export function legacyTextsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}


/** The rows as sent: every row, trimmed (a row left blank is refused before sending, so rows and entries match). */
export function buildCredentials(rows: readonly CredentialRow[]): Credential[] {
  return rows.map((r) => ({ symbol: r.symbol.trim(), issuer: r.issuer.trim(), valid_until: r.valid_until.trim() }));
}

/** "B1V — délivrée par Aciers du Rhône, valable jusqu'au 31/12/2027". */
export function credentialLabel(credential: Credential): string {
  return `${credential.symbol} — délivrée par ${credential.issuer}, valable jusqu'au ${formatCalendarDate(credential.valid_until)}`;
}

/** How an answer reads: each credential, then any plain text of an earlier file as it is. */
export function credentialLines(value: unknown): string[] {
  return [...credentialsOf(value).map(credentialLabel), ...legacyTextsOf(value)];
}

/**
 * The key of a row (or of one of its parts) among the errors of the
 * registration fields: "electrical_habilitations[1].issuer" — the server's
 * field without its "registration." prefix. The field itself is keyed by its id.
 */
export function credentialKey(fieldId: string, index: number, part?: CredentialPart): string {
  return `${fieldId}[${index}]${part ? `.${part}` : ''}`;
}

/** A row or one of its parts named by an error key ("x[1].issuer" → {index: 1, part: "issuer"}; "x[1]" → part null). */
export function parseCredentialKey(
  fieldId: string,
  key: string,
): { index: number; part: CredentialPart | null } | null {
  if (!key.startsWith(`${fieldId}[`)) return null;
  const match = /^\[(\d+)\](?:\.(\w+))?/.exec(key.slice(fieldId.length));
  if (!match) return null;
  const part = CREDENTIAL_PARTS.find((p) => p === match[2]) ?? null;
  return { index: Number(match[1]), part };
}

// ---- The checks before sending (the sentences of cqpm.defaults.check_registration) ----

export const credentialsRequiredMessage = (label: string) => `${label} : indiquez au moins une habilitation ou autorisation.`;
export const credentialsLegacyMessage = (label: string) =>
  `${label} : ces informations ont été saisies en texte libre. Indiquez pour chacune le symbole, qui l'a délivrée et sa date de fin de validité : elles remplaceront ce texte.`;
export const credentialSymbolMessage = (label: string, row: number, example: string) =>
  `${label}, ligne ${row} : indiquez le symbole (par exemple « ${example} »).`;
export const credentialUnknownSymbolMessage = (label: string, row: number, symbol: string) =>
  `${label}, ligne ${row} : « ${symbol} » n'est pas un symbole reconnu ; choisissez-le dans la liste.`;
export const credentialIssuerMessage = (label: string, row: number) =>
  `${label}, ligne ${row} : indiquez qui l'a délivrée (employeur, organisme de formation).`;
export const credentialDateMessage = (label: string, row: number) =>
  `${label}, ligne ${row} : indiquez la date de fin de validité.`;

/** The faults of one row, by part. */
function rowErrors(field: RegistrationField, row: CredentialRow, number: number): Partial<Record<CredentialPart, string>> {
  const errors: Partial<Record<CredentialPart, string>> = {};
  const symbols = field.symbols ?? [];
  const symbol = row.symbol.trim();
  if (!symbol || utf8Length(symbol) > SYMBOL_MAX_BYTES) {
    errors.symbol = credentialSymbolMessage(field.label, number, symbols[0] ?? 'B1V');
  } else if (field.closed && !symbols.includes(symbol)) {
    errors.symbol = credentialUnknownSymbolMessage(field.label, number, symbol);
  }
  const issuer = row.issuer.trim();
  if (!issuer || utf8Length(issuer) > ISSUER_MAX_BYTES) errors.issuer = credentialIssuerMessage(field.label, number);
  if (!isCalendarDate(row.valid_until.trim())) errors.valid_until = credentialDateMessage(field.label, number);
  return errors;
}

/**
 * The faults of a credential_list answer, keyed as credentialKey() says: the
 * field when a required one has no row, or when it still holds the plain
 * texts of an earlier file (the plugin refuses them); else each part of each
 * row at fault.
 */
export function validateCredentials(
  field: RegistrationField,
  rows: readonly CredentialRow[],
  legacy: readonly string[] = [],
): Record<string, string> {
  if (rows.length === 0) {
    if (legacy.length > 0) return { [field.id]: credentialsLegacyMessage(field.label) };
    return field.required ? { [field.id]: credentialsRequiredMessage(field.label) } : {};
  }
  const errors: Record<string, string> = {};
  rows.forEach((row, i) => {
    for (const [part, text] of Object.entries(rowErrors(field, row, i + 1))) {
      errors[credentialKey(field.id, i, part as CredentialPart)] = text;
    }
  });
  return errors;
}
