import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { fileApi } from './fileApi';
import {
  BLOCS_INVALID_MESSAGE,
  BLOCS_REQUIRED_MESSAGE,
  CARRY_OVER_BLOC_MESSAGE,
  CARRY_OVER_CLOSED_MESSAGE,
  CARRY_OVER_CONFLICT_MESSAGE,
  CARRY_OVER_FORBIDDEN_MESSAGE,
  WHOLE_CQPM_DRAFT,
  WHOLE_CQPM_LABEL,
  blocNames,
  carriedOverLabel,
  carryOverRequest,
  carryOverSavedText,
  carryOverStale,
  confirmedBlocs,
  describeCarryOverError,
  describeScopeError,
  earlierBirthPlaceNote,
  earlierDecisionLine,
  indexedBlocs,
  isCarryOverBlocsError,
  isPlainScope,
  offersBlocChoice,
  registrationScopeLabel,
  scopeBlocLabel,
  scopeRequestBlocs,
  toggleIndex,
  validateScope,
  type CarryOverView,
  type OfferedBloc,
} from './blocScope';
import { loadReferentialBlocs, resetCqpmCache } from '../referentials/cqpmCatalog';
import { bodyOf, mockFetch, recordCalls } from '../../shared/api/fetchMock';
import type { JuryBloc } from '../juries/juryTypes';
import type { BlocScope } from './fileTypes';

const blocs: JuryBloc[] = [
  { index: 1, code: 'BDC0229', rncp_code: null, title: "La mise en place d'un plan d'action qualité" },
  { index: 2, code: 'BDC0230', rncp_code: 'RNCP37854BC02', title: "La formalisation d'un processus qualité" },
  { index: 3, code: null, rncp_code: null, title: "Le développement de l'amélioration continue" },
];

describe('bloc scope: the blocs of a referential', () => {
  it('numbers the blocs from 1, in order, with their codes', () => {
    const referential = [
      { code: 'BDC0229', title: 'Un' },
      { code: null, rncp_code: 'RNCP1BC02', title: 'Deux' },
    ];
    expect(indexedBlocs(referential)).toEqual([
      { index: 1, code: 'BDC0229', rncp_code: null, title: 'Un' },
      { index: 2, code: null, rncp_code: 'RNCP1BC02', title: 'Deux' },
    ]);
  });

  it('labels a bloc « code — title », or by its title when it has no code', () => {
    expect(scopeBlocLabel(blocs[0]!)).toBe("BDC0229 — La mise en place d'un plan d'action qualité");
    expect(scopeBlocLabel(blocs[1]!)).toBe("BDC0230 — La formalisation d'un processus qualité");
    expect(scopeBlocLabel(blocs[2]!)).toBe("Le développement de l'amélioration continue");
  });

  it('ticks and unticks a bloc, keeping the list ascending and without repeats', () => {
    expect(toggleIndex([], 3, true)).toEqual([3]);
    expect(toggleIndex([3], 1, true)).toEqual([1, 3]);
    expect(toggleIndex([1, 3], 1, true)).toEqual([1, 3]);
    expect(toggleIndex([1, 3], 3, false)).toEqual([1]);
    expect(toggleIndex([1], 2, false)).toEqual([1]);
  });
});

describe('bloc scope: the new-file form', () => {
  it('offers the choice for a CQPM of two blocs or more', () => {
    expect(offersBlocChoice(blocs)).toBe(true);
    expect(offersBlocChoice(blocs.slice(0, 1))).toBe(false);
    expect(offersBlocChoice([])).toBe(false);
  });

  it('asks for at least one bloc when some blocs are chosen', () => {
    expect(validateScope(WHOLE_CQPM_DRAFT)).toBeNull();
    expect(validateScope({ choice: 'whole', blocs: [] })).toBeNull();
    expect(validateScope({ choice: 'blocs', blocs: [] })).toBe(BLOCS_REQUIRED_MESSAGE);
    expect(BLOCS_REQUIRED_MESSAGE).toBe('Choisissez au moins un bloc.');
    expect(validateScope({ choice: 'blocs', blocs: [2] })).toBeNull();
  });

  it('sends the blocs chosen, ascending; nothing for the whole CQPM', () => {
    expect(scopeRequestBlocs(WHOLE_CQPM_DRAFT, 3)).toBeUndefined();
    // Ticked then « CQPM complet » chosen again: the ticks are forgotten.
    expect(scopeRequestBlocs({ choice: 'whole', blocs: [1, 3] }, 3)).toBeUndefined();
    expect(scopeRequestBlocs({ choice: 'blocs', blocs: [3, 1] }, 3)).toEqual([1, 3]);
    expect(scopeRequestBlocs({ choice: 'blocs', blocs: [2, 2] }, 3)).toEqual([2]);
  });

  it('sends nothing when every bloc is ticked: that is the whole CQPM', () => {
    expect(scopeRequestBlocs({ choice: 'blocs', blocs: [1, 2, 3] }, 3)).toBeUndefined();
    expect(scopeRequestBlocs({ choice: 'blocs', blocs: [3, 2, 1, 2] }, 3)).toBeUndefined();
  });

  it('leaves out a bloc the CQPM no longer has', () => {
    expect(scopeRequestBlocs({ choice: 'blocs', blocs: [1, 4] }, 3)).toEqual([1]);
  });

  it('puts the refusal of a bloc under the blocs, in French', () => {
    const described = describeScopeError(new ApiError(400, 'invalid_field', 'bloc 4 is unknown', 'blocs[1]'));
    expect(described?.text).toBe(BLOCS_INVALID_MESSAGE);
    expect(described?.technical).toContain('bloc 4 is unknown');
    expect(describeScopeError(new ApiError(400, 'invalid_field', 'blocs must be a list', 'blocs'))?.text).toBe(BLOCS_INVALID_MESSAGE);
    expect(describeScopeError(new ApiError(400, 'invalid_field', 'bad email', 'candidate.email'))).toBeNull();
    expect(describeScopeError(new Error('offline'))).toBeNull();
  });
});

describe('bloc scope: the calls', () => {
  const calls = recordCalls();

  it('POSTs the blocs of a new file', async () => {
    mockFetch({ status: 201, body: { id: 'f1' } }, calls);
    await fileApi.createFile({
      cqpm: 'qualite',
      pathway: 'employee',
      candidate: { given_name: 'Lucas', family_name: 'Martin', email: 'l@example.fr', birth_date: '1990-01-02' },
      company_id: null,
      registration: {},
      blocs: [1, 3],
    });
    expect((bodyOf(calls[0]!) as { blocs: number[] }).blocs).toEqual([1, 3]);
  });

  it('reads and sets the carry-over of a file', async () => {
    mockFetch({ status: 200, body: view() }, calls);
    await fileApi.carryOver('f 1');
    expect(calls[0]!.url).toBe('/api/v1/files/f%201/carry-over');
    expect(calls[0]!.init.method).toBe('GET');
    await fileApi.saveCarryOver('f1', { expected_version: 4, blocs: [2] });
    expect(calls[1]!.url).toBe('/api/v1/files/f1/carry-over');
    expect(calls[1]!.init.method).toBe('PUT');
    expect(bodyOf(calls[1]!)).toEqual({ expected_version: 4, blocs: [2] });
  });

  it("names the blocs of the file's pinned referential, else those in force", async () => {
    resetCqpmCache();
    const referential = { blocs: [{ code: 'BDC0229', title: 'Un' }, { code: null, title: 'Deux' }] };
    mockFetch({ status: 200, body: { version: 2, referential } }, calls);
    expect(await loadReferentialBlocs('qualite', 2)).toEqual([
      { index: 1, code: 'BDC0229', rncp_code: null, title: 'Un' },
      { index: 2, code: null, rncp_code: null, title: 'Deux' },
    ]);
    expect(calls[0]!.url).toBe('/api/v1/cqpms/qualite/versions/2');
    await loadReferentialBlocs('qualite', null);
    expect(calls[1]!.url).toBe('/api/v1/cqpms/qualite');
    resetCqpmCache();
  });
});

describe('bloc scope: the file page', () => {
  const scope = (targeted?: number[], carried?: number[]): BlocScope => ({
    ...(targeted ? { targeted } : {}),
    ...(carried
      ? { carried_over: carried.map((bloc) => ({ bloc, decision_id: 'd0', confirmed_by: 'u1', confirmed_at: '2026-03-01T10:00:00Z' })) }
      : {}),
  });

  it('says « CQPM complet » for a file registered for the whole CQPM', () => {
    expect(registrationScopeLabel({}, blocs)).toBe(WHOLE_CQPM_LABEL);
    expect(WHOLE_CQPM_LABEL).toBe('Inscription : CQPM complet');
    expect(registrationScopeLabel(scope([]), null)).toBe('Inscription : CQPM complet');
    expect(registrationScopeLabel(undefined, null)).toBe('Inscription : CQPM complet');
  });

  it('names the blocs registered for, or gives their numbers while the referential is not at hand', () => {
    expect(registrationScopeLabel(scope([1, 3]), null)).toBe('Inscription : blocs 1, 3');
    expect(registrationScopeLabel(scope([1, 3]), blocs)).toBe(
      "Inscription : blocs BDC0229 — La mise en place d'un plan d'action qualité, Le développement de l'amélioration continue",
    );
    expect(registrationScopeLabel(scope([2]), null)).toBe('Inscription : bloc 2');
    // A bloc the referential does not have: numbers for all.
    expect(blocNames([1, 5], blocs)).toBe('1, 5');
  });

  it('says which blocs are held from an earlier decision', () => {
    expect(carriedOverLabel({}, blocs)).toBeNull();
    expect(carriedOverLabel(scope(undefined, [2]), blocs)).toBe(
      "Blocs déjà obtenus (décision antérieure) : BDC0230 — La formalisation d'un processus qualité",
    );
    expect(carriedOverLabel(scope([1, 2], [1, 2]), null)).toBe('Blocs déjà obtenus (décision antérieure) : 1, 2');
  });

  it('needs no bloc names for the whole CQPM with nothing carried over', () => {
    expect(isPlainScope({})).toBe(true);
    expect(isPlainScope(undefined)).toBe(true);
    expect(isPlainScope(scope([]))).toBe(true);
    expect(isPlainScope(scope([1]))).toBe(false);
    expect(isPlainScope(scope(undefined, [2]))).toBe(false);
  });
});

function offered(bloc: JuryBloc, confirmed: boolean): OfferedBloc {
  return { bloc, decision_id: `d${bloc.index}`, decided_at: '2026-07-15T13:05:00Z', earlier_file_id: 'f0', confirmed };
}

function view(extra: Partial<CarryOverView> = {}): CarryOverView {
  return {
    file_id: 'f1',
    file_version: 4,
    state: 'registered',
    editable: true,
    whole_cqpm: true,
    targeted_blocs: blocs,
    offered: [offered(blocs[0]!, false), offered(blocs[1]!, true)],
    carried_over: [{ bloc: 2, decision_id: 'd2', confirmed_by: 'u1', confirmed_at: '2026-08-01T08:00:00Z' }],
    ...extra,
  };
}

describe('bloc scope: the carry-over section', () => {
  it('starts from the blocs already confirmed', () => {
    expect(confirmedBlocs(view())).toEqual([2]);
    expect(confirmedBlocs(view({ offered: [] }))).toEqual([]);
  });

  it('sends exactly the offered blocs ticked, ascending, at the version read', () => {
    expect(carryOverRequest(view(), [2, 1])).toEqual({ expected_version: 4, blocs: [1, 2] });
    expect(carryOverRequest(view(), [1, 1])).toEqual({ expected_version: 4, blocs: [1] });
    // A bloc not offered (bloc 3) is never sent.
    expect(carryOverRequest(view(), [3, 2])).toEqual({ expected_version: 4, blocs: [2] });
  });

  it('sends an empty list to withdraw every carry-over', () => {
    expect(carryOverRequest(view(), [])).toEqual({ expected_version: 4, blocs: [] });
  });

  it('dates the earlier decision in Paris time', () => {
    // 13:05 UTC in July is 15:05 in Paris (summer time).
    expect(earlierDecisionLine(offered(blocs[0]!, false))).toBe('Obtenu par la décision du 15 juillet 2026 à 15:05');
  });

  it("names the earlier file's birth place, so the centre checks it is the same person", () => {
    const earlier = (earlier_birth_place?: string | null) => ({ ...offered(blocs[0]!, false), earlier_birth_place });
    expect(earlierBirthPlaceNote(earlier('Casablanca (Maroc)'))).toBe('(dossier antérieur : né(e) à Casablanca (Maroc))');
    expect(earlierBirthPlaceNote(earlier('  Lyon '))).toBe('(dossier antérieur : né(e) à Lyon)');
    // Not recorded on the earlier file (or an older server): nothing to say.
    expect(earlierBirthPlaceNote(earlier(null))).toBeNull();
    expect(earlierBirthPlaceNote(earlier(' '))).toBeNull();
    expect(earlierBirthPlaceNote(earlier())).toBeNull();
  });

  it('says what was recorded', () => {
    expect(carryOverSavedText(view())).toBe(
      "Reprise enregistrée (bloc repris : BDC0230 — La formalisation d'un processus qualité). Le plan d'évaluation ne porte plus sur leurs compétences.",
    );
    expect(carryOverSavedText(view({ offered: [offered(blocs[0]!, true), offered(blocs[2]!, true)] }))).toContain(
      "blocs repris : BDC0229 — La mise en place d'un plan d'action qualité, Le développement",
    );
    expect(carryOverSavedText(view({ offered: [offered(blocs[0]!, false)] }))).toBe(
      'Aucun bloc n’est repris : toutes les compétences des blocs visés seront évaluées.',
    );
  });

  it('says the refusals in French, a bloc under the list, the others above the section', () => {
    const notOffered = new ApiError(400, 'invalid_field', 'bloc 3 was not awarded', 'blocs[0]');
    expect(describeCarryOverError(notOffered).text).toBe(CARRY_OVER_BLOC_MESSAGE);
    expect(isCarryOverBlocsError(notOffered)).toBe(true);
    const forbidden = new ApiError(403, 'forbidden', 'no');
    expect(describeCarryOverError(forbidden).text).toBe(CARRY_OVER_FORBIDDEN_MESSAGE);
    expect(isCarryOverBlocsError(forbidden)).toBe(false);
    expect(describeCarryOverError(new ApiError(409, 'invalid_state', 'not registered')).text).toBe(CARRY_OVER_CLOSED_MESSAGE);
    const conflict = new ApiError(409, 'version_conflict', 'changed', 'expected_version', { current_version: 5 });
    expect(describeCarryOverError(conflict).text).toBe(CARRY_OVER_CONFLICT_MESSAGE);
    expect(isCarryOverBlocsError(conflict)).toBe(false);
  });

  it('reloads the section and the file when the file moved on or a bloc is no longer offered', () => {
    expect(carryOverStale(new ApiError(409, 'invalid_state', 'x'))).toBe(true);
    expect(carryOverStale(new ApiError(409, 'version_conflict', 'x', 'expected_version'))).toBe(true);
    expect(carryOverStale(new ApiError(404, 'not_found', 'x'))).toBe(true);
    expect(carryOverStale(new ApiError(400, 'invalid_field', 'x', 'blocs[1]'))).toBe(true);
    expect(carryOverStale(new ApiError(403, 'forbidden', 'x'))).toBe(false);
    expect(carryOverStale(new Error('x'))).toBe(false);
  });
});
