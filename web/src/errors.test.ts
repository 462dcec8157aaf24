import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import {
  GENERIC_ERROR,
  INTERNAL_ERROR,
  describeError,
  frenchErrorMessage,
  normaliseField,
  reportError,
  statusMessage,
  type ErrorContext,
} from './errors';

type Row = [
  name: string,
  code: string,
  field: string | null,
  details: Record<string, unknown> | null,
  context: ErrorContext,
  expected: string,
];

const values = (v: Record<string, unknown>): ErrorContext => ({ values: v });

const ROWS: Row[] = [
  // invalid_field: the new-file form
  ['e-mail', 'invalid_field', 'candidate.email', null, {}, "L'adresse e-mail du candidat n'est pas valide."],
  ['e-mail sent blank', 'invalid_field', 'candidate.email', null, values({ 'candidate.email': ' ' }), "L'adresse e-mail du candidat est obligatoire."],
  ['birth date', 'invalid_field', 'candidate.birth_date', null, {}, 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.'],
  ['birth date sent', 'invalid_field', 'candidate.birth_date', null, values({ 'candidate.birth_date': '1850-01-01' }), 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.'],
  ['birth date blank', 'invalid_field', 'candidate.birth_date', null, values({ 'candidate.birth_date': '' }), 'La date de naissance du candidat est obligatoire.'],
  ['given name', 'invalid_field', 'candidate.given_name', null, {}, 'Le prénom du candidat est obligatoire.'],
  ['given name blank', 'invalid_field', 'candidate.given_name', null, values({ 'candidate.given_name': '  ' }), 'Le prénom du candidat est obligatoire.'],
  ['given name too long', 'invalid_field', 'candidate.given_name', null, values({ 'candidate.given_name': 'x'.repeat(300) }), 'Le prénom du candidat est trop long (200 caractères au plus).'],
  ['family name', 'invalid_field', 'candidate.family_name', null, {}, 'Le nom du candidat est obligatoire.'],
  ['family name too long', 'invalid_field', 'candidate.family_name', null, values({ 'candidate.family_name': 'y'.repeat(201) }), 'Le nom du candidat est trop long (200 caractères au plus).'],
  ['candidate object', 'invalid_field', 'candidate', null, {}, 'Les informations du candidat sont incomplètes.'],
  ['company', 'invalid_field', 'company_id', null, {}, "Choisissez l'entreprise du candidat (aucune entreprise pour un parcours VAE)."],
  ['cqpm', 'invalid_field', 'cqpm', null, {}, 'Choisissez un CQPM de la liste.'],
  ['pathway', 'invalid_field', 'pathway', null, {}, 'Choisissez un parcours de la liste.'],
  ['JSON-pointer field', 'invalid_field', '/candidate/email', null, {}, "L'adresse e-mail du candidat n'est pas valide."],
  ['JSONPath field', 'invalid_field', '$.candidate.birth_date', null, {}, 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.'],
  // invalid_field: login, dashboard, transitions, headers
  ['login blank', 'invalid_field', 'login', null, values({ login: '' }), 'Saisissez votre identifiant.'],
  ['login too long', 'invalid_field', 'login', null, values({ login: 'a'.repeat(201) }), "L'identifiant est trop long (200 caractères au plus)."],
  ['password too long', 'invalid_field', 'password', null, values({ password: 'p'.repeat(2000) }), 'Le mot de passe est trop long (1 024 caractères au plus).'],
  ['limit', 'invalid_field', 'limit', null, {}, 'Le nombre de dossiers par page doit être compris entre 1 et 100.'],
  ['cursor', 'invalid_field', 'cursor', null, {}, "Cette page de résultats n'est plus valable. Revenez à la première page."],
  ['search', 'invalid_field', 'q', null, {}, 'La recherche est trop longue (200 caractères au plus).'],
  ['reason', 'invalid_field', 'payload.reason', null, {}, 'Indiquez un motif.'],
  ['blocs', 'invalid_field', 'payload.blocs', null, {}, 'Indiquez au moins un bloc de compétences.'],
  ['expected version', 'invalid_field', 'expected_version', null, {}, "La version du dossier n'est pas valide. Rechargez la page et réessayez."],
  ['transition', 'invalid_field', 'transition', null, {}, 'Cette action est inconnue. Rechargez la page et réessayez.'],
  ['idempotency key', 'invalid_field', 'Idempotency-Key', null, {}, "La demande n'a pas pu être identifiée. Rechargez la page et réessayez."],
  ['unknown field', 'invalid_field', 'something_else', null, {}, "Une des informations saisies n'est pas valide. Vérifiez le formulaire."],
  ['no field', 'invalid_field', null, null, {}, "Une des informations saisies n'est pas valide. Vérifiez le formulaire."],
  // guard_failed
  ['guard reason', 'guard_failed', 'payload.reason', null, {}, 'Indiquez un motif.'],
  ['guard blocs', 'guard_failed', 'payload.blocs', null, {}, 'Indiquez au moins un bloc de compétences.'],
  ['guard identity', 'guard_failed', 'candidate.birth_date', null, {}, "L'identité du candidat est incomplète : il manque sa date de naissance. Complétez le dossier avant cette action."],
  ['guard identity e-mail', 'guard_failed', 'candidate.email', null, {}, "L'identité du candidat est incomplète : il manque son adresse e-mail. Complétez le dossier avant cette action."],
  ['guard identity other', 'guard_failed', 'candidate.phone', null, {}, "L'identité du candidat est incomplète. Complétez le dossier avant cette action."],
  ['guard company VAE', 'guard_failed', 'company_id', null, { pathway: 'vae' }, "Un dossier en VAE ne doit pas avoir d'entreprise : retirez l'entreprise du dossier."],
  ['guard company employee', 'guard_failed', 'company_id', null, { pathway: 'employee' }, "Le dossier d'un salarié doit indiquer l'entreprise qui l'emploie."],
  ['guard company unknown pathway', 'guard_failed', 'company_id', null, {}, "L'entreprise du dossier ne correspond pas au parcours : un salarié a une entreprise, un candidat en VAE n'en a pas."],
  ['guard pathway VAE', 'guard_failed', 'pathway', null, { pathway: 'vae' }, "Un dossier en VAE n'a pas d'avis de l'entreprise : envoyez-le au jury sans cet avis."],
  ['guard pathway employee', 'guard_failed', 'pathway', null, { pathway: 'employee' }, "Seul un dossier en VAE va au jury sans l'avis de l'entreprise : demandez d'abord l'avis de l'entreprise."],
  ['guard pathway unknown', 'guard_failed', 'pathway', null, {}, 'Cette action ne correspond pas au parcours du candidat.'],
  ['guard plugin', 'guard_failed', 'payload.score', null, {}, 'Les conditions de cette action ne sont pas remplies.'],
  ['guard no field', 'guard_failed', null, null, {}, 'Les conditions de cette action ne sont pas remplies.'],
  // the other codes
  ['version conflict', 'version_conflict', 'expected_version', { current_version: 7 }, {}, "Le dossier a été modifié par quelqu'un d'autre (version 7). La page a été rechargée."],
  ['version conflict, no version', 'version_conflict', 'expected_version', null, {}, "Le dossier a été modifié par quelqu'un d'autre. La page a été rechargée."],
  ['invalid state', 'invalid_state', null, null, {}, "Cette action n'est plus possible dans l'état actuel du dossier."],
  ['forbidden', 'forbidden', null, null, {}, 'Votre rôle ne permet pas cette action.'],
  ['forbidden CSRF', 'forbidden', 'X-CQPM-CSRF', null, {}, 'La demande a été refusée par mesure de sécurité. Rechargez la page et réessayez.'],
  ['not found', 'not_found', null, null, {}, 'Dossier introuvable.'],
  ['not found in a list', 'not_found', null, null, { operation: 'list' }, 'Élément introuvable.'],
  ['rate limited', 'rate_limited', 'login', { retry_after: 30 }, { operation: 'login' }, 'Trop de tentatives, réessayez dans 30 secondes.'],
  ['rate limited, 1 s', 'rate_limited', 'login', { retry_after: 1 }, {}, 'Trop de tentatives, réessayez dans 1 seconde.'],
  ['rate limited, text', 'rate_limited', null, { retry_after: '12' }, {}, 'Trop de tentatives, réessayez dans 12 secondes.'],
  ['rate limited, minutes', 'rate_limited', null, { retry_after: 300 }, {}, 'Trop de tentatives, réessayez dans 5 minutes.'],
  ['rate limited, no delay', 'rate_limited', null, null, {}, 'Trop de tentatives, réessayez dans quelques instants.'],
  ['wrong password', 'unauthenticated', null, null, { operation: 'login' }, 'Identifiant ou mot de passe incorrect.'],
  ['expired session', 'unauthenticated', null, null, {}, 'Votre session a expiré. Reconnectez-vous.'],
  ['payload too large', 'payload_too_large', null, null, {}, 'Les données envoyées sont trop volumineuses : raccourcissez les textes saisis.'],
  ['storage', 'storage_error', null, null, {}, 'Une erreur interne est survenue. Réessayez plus tard.'],
  ['internal', 'internal_error', null, null, {}, 'Une erreur interne est survenue. Réessayez plus tard.'],
  ['unavailable', 'unavailable', null, null, {}, 'Le service est momentanément indisponible. Réessayez dans quelques instants.'],
  ['invalid JSON', 'invalid_json', null, null, {}, "La demande envoyée n'est pas valide. Rechargez la page et réessayez."],
  ['method', 'method_not_allowed', null, null, {}, "Cette opération n'est pas prise en charge. Rechargez la page et réessayez."],
  ['conflict', 'conflict', null, null, {}, "L'opération entre en conflit avec une autre modification. Rechargez la page et réessayez."],
  ['conflict key', 'conflict', 'Idempotency-Key', null, {}, "Cette demande a déjà été envoyée avec d'autres informations. Rechargez la page et réessayez."],
  ['media type', 'unsupported_media_type', 'Content-Type', null, {}, "Le format de la demande n'est pas accepté par le serveur. Rechargez la page et réessayez."],
  ['unknown transition', 'unknown_transition', 'transition', null, {}, "Cette action n'existe pas dans le circuit du dossier. Rechargez la page et réessayez."],
  ['unprocessable', 'unprocessable', null, null, {}, 'La demande ne peut pas être traitée telle quelle. Vérifiez les informations saisies.'],
  ['network', 'network_error', null, null, {}, 'Le serveur ne répond pas. Vérifiez votre connexion.'],
  ['unknown code with status', 'teapot', null, null, { status: 503 }, 'Le service est momentanément indisponible. Réessayez dans quelques instants.'],
  ['unknown code without status', 'teapot', null, null, {}, GENERIC_ERROR],
  ['non-JSON 500', 'http_error', null, null, { status: 500 }, INTERNAL_ERROR],
];

describe('frenchErrorMessage', () => {
  it.each(ROWS)('%s (%s, %s)', (_name, code, field, details, context, expected) => {
    expect(frenchErrorMessage(code, field, details, context)).toBe(expected);
  });

  it('never returns the English message, for every code the API documents', () => {
    const codes = [
      'invalid_json', 'invalid_field', 'unauthenticated', 'forbidden', 'not_found', 'method_not_allowed',
      'invalid_state', 'version_conflict', 'conflict', 'payload_too_large', 'unsupported_media_type',
      'unknown_transition', 'guard_failed', 'unprocessable', 'rate_limited', 'storage_error', 'internal_error',
      'unavailable',
    ];
    const fields = [
      null, 'candidate.given_name', 'candidate.family_name', 'candidate.email', 'candidate.birth_date', 'company_id',
      'cqpm', 'pathway', 'payload.reason', 'payload.blocs', 'expected_version', 'transition', 'login', 'password',
      'limit', 'cursor', 'q', 'Idempotency-Key', 'X-CQPM-CSRF',
    ];
    for (const code of codes) {
      for (const field of fields) {
        const text = frenchErrorMessage(code, field, null);
        expect(text, `${code} ${field}`).toMatch(/^[A-ZÉÈÀÇ].*[.!]$/u);
        expect(text, `${code} ${field}`).not.toMatch(/\b(is|the|must|required|error)\b/);
      }
    }
  });
});

describe('statusMessage', () => {
  it.each([
    [0, 'Le serveur ne répond pas. Vérifiez votre connexion.'],
    [401, 'Votre session a expiré. Reconnectez-vous.'],
    [403, 'Votre rôle ne permet pas cette action.'],
    [429, 'Trop de tentatives, réessayez dans quelques instants.'],
    [500, INTERNAL_ERROR],
    [502, 'Le service est momentanément indisponible. Réessayez dans quelques instants.'],
    [418, 'La requête a échoué (HTTP 418). Réessayez plus tard.'],
  ])('HTTP %i', (status, expected) => {
    expect(statusMessage(status)).toBe(expected);
  });
});

describe('normaliseField', () => {
  it.each([
    [null, null],
    ['', null],
    ['candidate.email', 'candidate.email'],
    ['$.candidate.email', 'candidate.email'],
    ['/candidate/email', 'candidate.email'],
    ['Idempotency-Key', 'Idempotency-Key'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseField(input)).toBe(expected);
  });
});

describe('describeError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives French text and keeps the English message for support', () => {
    const err = new ApiError(409, 'version_conflict', 'the file changed since you read it', 'expected_version', {
      current_version: 4,
    });
    expect(describeError(err)).toEqual({
      text: "Le dossier a été modifié par quelqu'un d'autre (version 4). La page a été rechargée.",
      field: 'expected_version',
      technical: 'version_conflict [expected_version] (HTTP 409): the file changed since you read it',
    });
  });

  it('reads a wrong password on the login call', () => {
    const err = new ApiError(401, 'unauthenticated', 'wrong login or password');
    expect(describeError(err, { operation: 'login' }).text).toBe('Identifiant ou mot de passe incorrect.');
    expect(describeError(err).text).toBe('Votre session a expiré. Reconnectez-vous.');
  });

  it('uses the HTTP status for an unknown code', () => {
    expect(describeError(new ApiError(503, 'http_error', 'x')).text).toBe(statusMessage(503));
  });

  it('hides a programming error behind a generic sentence', () => {
    const description = describeError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(description.text).toBe(GENERIC_ERROR);
    expect(description.technical).toContain('TypeError');
  });

  it('reportError writes the English detail to the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const description = reportError(new ApiError(500, 'storage_error', 'database is locked'));
    expect(description.text).toBe(INTERNAL_ERROR);
    expect(warn).toHaveBeenCalledWith('CQPM Hub:', 'storage_error (HTTP 500): database is locked');
  });
});
