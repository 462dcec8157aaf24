import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client';
import { describeError } from '../../shared/errors/errors';
import { mockFetch, recordCalls } from '../../shared/api/fetchMock';
import { holdersApi } from './holdersApi';
import {
  CERTIFIER_NOT_CONFIGURED_MESSAGE,
  FROM_MESSAGE,
  HOLDERS_ERROR_CONTEXT,
  PERIOD_LENGTH_MESSAGE,
  PERIOD_ORDER_MESSAGE,
  TO_MESSAGE,
  countsText,
  csvUrl,
  defaultPeriod,
  fluxUnavailableReason,
  fluxUrl,
  holderName,
  kindLabel,
  periodFrom,
  periodProblem,
  periodQuery,
  periodText,
  statusText,
  type ReportedCertification,
} from './holderReport';
import { canSeeHolders } from './holders';

const line: ReportedCertification = {
  technical_id: 'a1#2',
  kind: 'bloc',
  certification_code: 'RNCP37854BC02',
  title: 'Maintenance — bloc 2',
  award_id: 'a1',
  verification_code: 'ABCD-EFGH',
  decision_date: '2026-03-18',
  file_id: 'f1',
  centre_name: 'UIMM Lyon',
  holder: { family_name: 'Lefèvre', given_name: 'Emma', birth_date: '1999-09-03', sex: 'F', birth_insee_code: '69123' },
  missing: [],
  reportable: true,
};

describe('holders: who sees the page', () => {
  it('shows it to centre coordinators and GTP auditors only', () => {
    expect(['centre_coordinator', 'gtp_auditor'].every((role) => canSeeHolders({ role }))).toBe(true);
    expect(['admin', 'gtp_admin', 'evaluator', 'jury_member', 'company_tutor', 'candidate'].some((role) => canSeeHolders({ role }))).toBe(false);
    expect(canSeeHolders(null)).toBe(false);
  });
});

describe('holders: the period', () => {
  it('starts on the first day of the current year and ends today, in Paris', () => {
    expect(defaultPeriod(new Date('2026-07-14T10:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-07-14' });
    // 31 December 23:30 UTC is already 1 January in Paris.
    expect(defaultPeriod(new Date('2026-12-31T23:30:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('reads the period of the address, each missing date from the default', () => {
    const now = new Date('2026-07-14T10:00:00Z');
    expect(periodFrom(new URLSearchParams(''), now)).toEqual({ from: '2026-01-01', to: '2026-07-14' });
    expect(periodFrom(new URLSearchParams('from=2025-09-01'), now)).toEqual({ from: '2025-09-01', to: '2026-07-14' });
    expect(periodFrom(new URLSearchParams('from=2025-09-01&to=2025-12-31'), now)).toEqual({ from: '2025-09-01', to: '2025-12-31' });
  });

  it('checks it as the server does: real days, the end not before the start, three years at most', () => {
    expect(periodProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(periodProblem({ from: '', to: '2026-01-01' })).toBe(FROM_MESSAGE);
    expect(periodProblem({ from: '2026-01-01', to: '2026-02-30' })).toBe(TO_MESSAGE);
    expect(periodProblem({ from: '2026-02-01', to: '2026-01-31' })).toBe(PERIOD_ORDER_MESSAGE);
    expect(periodProblem({ from: '2023-01-01', to: '2026-01-03' })).toBeNull(); // 1 098 days
    expect(periodProblem({ from: '2023-01-01', to: '2026-01-04' })).toBe(PERIOD_LENGTH_MESSAGE);
  });

  it('says it in French', () => {
    expect(periodText({ from: '2026-01-01', to: '2026-06-30' })).toBe('Du 01/01/2026 au 30/06/2026');
  });
});

describe('holders: the addresses', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' };

  it('names the period in the query of the report and of its downloads', () => {
    expect(periodQuery(period)).toBe('?from=2026-01-01&to=2026-06-30');
    expect(fluxUrl(period)).toBe('/api/v1/holders/accrochage.xml?from=2026-01-01&to=2026-06-30');
    expect(csvUrl(period)).toBe('/api/v1/holders/accrochage.csv?from=2026-01-01&to=2026-06-30');
  });

  const calls = recordCalls();

  it('GETs the report of the period', async () => {
    const body = { from: period.from, to: period.to, certifier_configured: true, reportable: 1, incomplete: 0, certifications: [line] };
    mockFetch({ status: 200, body }, calls);
    expect(await holdersApi.report(period)).toEqual(body);
    expect(calls[0]!.url).toBe('/api/v1/holders/accrochage?from=2026-01-01&to=2026-06-30');
    expect(calls[0]!.init.method).toBe('GET');
  });
});

describe('holders: the words of the page', () => {
  it('counts the lines to declare and those to complete', () => {
    expect(countsText({ reportable: 0, incomplete: 0 })).toBe('0 certification à déclarer, 0 à compléter');
    expect(countsText({ reportable: 1, incomplete: 2 })).toBe('1 certification à déclarer, 2 à compléter');
    expect(countsText({ reportable: 12, incomplete: 1 })).toBe('12 certifications à déclarer, 1 à compléter');
  });

  it('says « Prêt », or what is missing in the server’s words', () => {
    expect(statusText(line)).toBe('Prêt');
    const incomplete = {
      reportable: false,
      missing: [
        { fact: 'sex' as const, message_fr: 'Sexe non renseigné' },
        { fact: 'birth_insee_code' as const, message_fr: 'Code INSEE du lieu de naissance non renseigné' },
      ],
    };
    expect(statusText(incomplete)).toBe('Sexe non renseigné ; Code INSEE du lieu de naissance non renseigné');
    expect(statusText({ reportable: false, missing: [] })).toBe('À compléter');
  });

  it('says why the flux cannot be downloaded', () => {
    expect(fluxUnavailableReason({ certifier_configured: true, reportable: 3 })).toBeNull();
    expect(fluxUnavailableReason({ certifier_configured: true, reportable: 0 })).toMatch(/aucune certification/);
    expect(fluxUnavailableReason({ certifier_configured: false, reportable: 3 })).toMatch(/identifiants du certificateur/);
    expect(CERTIFIER_NOT_CONFIGURED_MESSAGE).toContain('cqpm.accrochage.client_id, cqpm.accrochage.contract_id');
  });

  it('names the certification and the holder', () => {
    expect(kindLabel('certificate')).toBe('CQPM');
    expect(kindLabel('bloc')).toBe('Bloc de compétences');
    expect(holderName(line)).toBe('Emma Lefèvre');
  });
});

describe("holders: the server's refusals", () => {
  const say = (err: ApiError) => describeError(err, HOLDERS_ERROR_CONTEXT).text;

  it('says a refused period under its own words', () => {
    expect(say(new ApiError(400, 'invalid_field', 'to must not be before from', 'to'))).toMatch(/^La date de fin/);
    expect(say(new ApiError(400, 'invalid_field', 'bad day', 'from'))).toBe("La date de début de la période n'est pas valide.");
  });

  it('says who may read the holders', () => {
    expect(say(new ApiError(403, 'forbidden', 'no'))).toBe(
      'Seuls les coordinateurs de centre et les auditeurs du GTP consultent les titulaires à déclarer à la Caisse des Dépôts.',
    );
  });
});
