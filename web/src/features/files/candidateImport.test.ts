import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { importApi } from '../admin/adminApi';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  asSentence,
  checkImportFile,
  createdLabel,
  describeImportError,
  errorColumnLabel,
  formatMegabytes,
  importButtonLabel,
  previewCounts,
} from './candidateImport';
import { IMPORT_HAS_ERRORS_MESSAGE, IMPORT_TOO_LARGE_MESSAGE } from '../../shared/errors/errors';
import { headersOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';

describe('the candidate import', () => {
  it('explains the columns of the template, in its order', () => {
    expect(IMPORT_COLUMNS.map((c) => c.name)).toEqual([
      'nom',
      'prenom',
      'date_naissance',
      'email',
      'cqpm',
      'parcours',
      'siret_entreprise',
      'sexe',
      'code_insee_naissance',
    ]);
  });

  it('refuses no file, an empty file and a file over 1 MiB before sending, in French', () => {
    expect(checkImportFile(null)).toBe('Choisissez le fichier CSV des candidats.');
    expect(checkImportFile({ name: 'vide.csv', size: 0 })).toBe('Le fichier « vide.csv » est vide.');
    expect(checkImportFile({ name: 'candidats.csv', size: IMPORT_MAX_BYTES })).toBeNull();
    expect(checkImportFile({ name: 'gros.csv', size: IMPORT_MAX_BYTES + 1 })).toBe(
      'Le fichier « gros.csv » pèse 1,1 Mo : un import accepte 1 Mo au plus. Découpez-le en plusieurs fichiers.',
    );
  });

  it('rounds sizes up to a tenth of a megabyte', () => {
    expect(IMPORT_MAX_BYTES).toBe(1_048_576);
    expect(formatMegabytes(1_048_576)).toBe('1,0 Mo');
    expect(formatMegabytes(1_468_006)).toBe('1,4 Mo');
    expect(formatMegabytes(1_468_007)).toBe('1,5 Mo');
    expect(formatMegabytes(3 * 1_048_576)).toBe('3,0 Mo');
  });

  it('counts valid lines and lines in error', () => {
    expect(previewCounts({ valid_count: 3, error_count: 1 })).toBe('3 lignes valides, 1 ligne en erreur');
    expect(previewCounts({ valid_count: 3, error_count: 2 })).toBe('3 lignes valides, 2 lignes en erreur');
    expect(previewCounts({ valid_count: 1, error_count: 0 })).toBe('1 ligne valide, aucune ligne en erreur');
    expect(previewCounts({ valid_count: 0, error_count: 4 })).toBe('0 ligne valide, 4 lignes en erreur');
  });

  it('names the button and the outcome with the number of candidates', () => {
    expect(importButtonLabel(3)).toBe('Importer 3 candidats');
    expect(importButtonLabel(1)).toBe('Importer 1 candidat');
    expect(createdLabel(3)).toBe('3 dossiers créés');
    expect(createdLabel(1)).toBe('1 dossier créé');
  });

  it('shows an error of the whole line as « Ligne entière », and the server phrase as a sentence', () => {
    expect(errorColumnLabel('')).toBe('Ligne entière');
    expect(errorColumnLabel('Date de naissance')).toBe('Date de naissance');
    expect(asSentence("la date de naissance « 31/02/1990 » n'existe pas")).toBe("La date de naissance « 31/02/1990 » n'existe pas.");
    expect(asSentence('âge hors limites : 12 ans au 02/12/2026')).toBe('Âge hors limites : 12 ans au 02/12/2026.');
    expect(asSentence('colonne obligatoire absente : « nom »')).toBe('Colonne obligatoire absente : « nom »');
  });

  describe('errors', () => {
    beforeEach(() => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("shows the server's own French sentence for a file it cannot read", () => {
      const notUtf8 = 'ligne 2 : le texte n\'est pas en UTF-8 (enregistrez le fichier en « CSV UTF-8 »)';
      const err = new ApiError(422, 'unprocessable', notUtf8, null, { line: 2 });
      expect(describeImportError(err).text).toBe("Ligne 2 : le texte n'est pas en UTF-8 (enregistrez le fichier en « CSV UTF-8 »)");
      const tooMany = 'ligne 10002 : le fichier contient plus de 10 000 lignes de candidats : découpez-le en plusieurs fichiers';
      const many = new ApiError(413, 'payload_too_large', tooMany, null, { line: 10002, max_records: 10000 });
      expect(describeImportError(many).text).toBe(`L${tooMany.slice(1)}.`);
    });

    it('says the other refusals in French', () => {
      expect(describeImportError(new ApiError(413, 'payload_too_large', 'body too large')).text).toBe(IMPORT_TOO_LARGE_MESSAGE);
      expect(describeImportError(new ApiError(409, 'invalid_state', 'preview has errors')).text).toBe(IMPORT_HAS_ERRORS_MESSAGE);
      expect(describeImportError(new ApiError(400, 'invalid_field', 'bad filename', 'filename')).text).toMatch(/nom du fichier/);
      expect(describeImportError(new ApiError(403, 'forbidden', 'coordinators only')).text).toMatch(/coordinateur/);
      expect(describeImportError(new ApiError(404, 'not_found', 'no such import')).text).toMatch(/Cet import n'existe pas/);
    });
  });

  describe('calls', () => {
    const calls = recordCalls();

    it('sends the file as it was read, as text/csv with its name in the query', async () => {
      mockFetch({ status: 201, body: { id: 'i1', state: 'previewed' } }, calls);
      const bytes = new TextEncoder().encode('\uFEFFnom;prenom\r\nMartin;Léa\r\n').buffer;
      await importApi.preview('candidats (1).csv', bytes);
      const call = calls[0]!;
      expect(call.url).toBe('/api/v1/imports/candidates?filename=candidats+%281%29.csv');
      expect(call.init.method).toBe('POST');
      expect(headersOf(call)['Content-Type']).toBe('text/csv');
      expect(headersOf(call)['X-CQPM-CSRF']).toBe('1');
      expect(call.init.body).toBe(bytes);
    });

    it('reads a preview again and confirms it', async () => {
      mockFetch({ status: 200, body: { id: 'i 1', state: 'confirmed' } }, calls);
      await importApi.get('i 1');
      await importApi.confirm('i 1');
      expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
        'GET /api/v1/imports/i%201',
        'POST /api/v1/imports/i%201/confirmation',
      ]);
      expect(headersOf(calls[1]!)['X-CQPM-CSRF']).toBe('1');
    });
  });
});
