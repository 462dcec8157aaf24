import { afterEach, describe, expect, it, vi } from 'vitest';
import { leaveForProviderLogout, providerLogoutUrl } from './providerLogout';

describe("signing out at the organisation's identity provider", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows an absolute https or http address', () => {
    const https = 'https://idp.example/logout?client_id=cqpm&post_logout_redirect_uri=https%3A%2F%2Fhub.example%2Fconnexion';
    expect(providerLogoutUrl(https)).toBe(https);
    expect(providerLogoutUrl('http://127.0.0.1:4000/logout?client_id=x')).toBe('http://127.0.0.1:4000/logout?client_id=x');
    expect(providerLogoutUrl('HTTPS://IDP.EXAMPLE/logout')).toBe('HTTPS://IDP.EXAMPLE/logout');
  });

  it('refuses anything else: a script, nothing, a relative path, another scheme', () => {
    expect(providerLogoutUrl('javascript:alert(1)')).toBeNull();
    expect(providerLogoutUrl('JavaScript://%0aalert(1)')).toBeNull();
    expect(providerLogoutUrl('')).toBeNull();
    expect(providerLogoutUrl(null)).toBeNull();
    expect(providerLogoutUrl(undefined)).toBeNull();
    expect(providerLogoutUrl('/connexion')).toBeNull();
    expect(providerLogoutUrl('//idp.example/logout')).toBeNull();
    expect(providerLogoutUrl('idp.example/logout')).toBeNull();
    expect(providerLogoutUrl('https://')).toBeNull();
    expect(providerLogoutUrl(' https://idp.example/logout')).toBeNull();
    expect(providerLogoutUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
  });

  it('leaves the page only for a followable address', () => {
    const replace = vi.fn();
    vi.stubGlobal('window', { location: { replace } });
    expect(leaveForProviderLogout(null)).toBe(false);
    expect(leaveForProviderLogout('javascript:alert(1)')).toBe(false);
    expect(replace).not.toHaveBeenCalled();
    expect(leaveForProviderLogout('https://idp.example/logout')).toBe(true);
    expect(replace).toHaveBeenCalledExactlyOnceWith('https://idp.example/logout');
  });
});
