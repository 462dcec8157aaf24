import { describe, expect, it } from 'vitest';
import { ssoRefusal, ssoStartUrl } from './singleSignOn';

describe('login through the organisation', () => {
  it('starts at the server, the organisation id escaped', () => {
    expect(ssoStartUrl('3f2a-9c')).toBe('/api/v1/auth/sso/3f2a-9c/start');
    expect(ssoStartUrl('a/b')).toBe('/api/v1/auth/sso/a%2Fb/start');
  });

  it('says in French what failed, and nothing when nothing did', () => {
    expect(ssoRefusal('')).toBeNull();
    expect(ssoRefusal('?from=x')).toBeNull();
    expect(ssoRefusal('?sso=email')).toMatch(/^Aucun compte actif de votre organisation/);
    expect(ssoRefusal('?sso=state')).toMatch(/expiré ou a déjà servi/);
    expect(ssoRefusal('?sso=unavailable')).toMatch(/ne répond pas/);
    // A reason this page does not know still gets a sentence, never the raw code.
    expect(ssoRefusal('?sso=%3Cscript%3E')).toMatch(/refusée par votre organisation/);
  });
});
