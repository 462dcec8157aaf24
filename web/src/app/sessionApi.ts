// The session calls: sign in (a 401 there means a wrong password), sign out, who is signed in.

import { request } from '../shared/api/client';
import type { LoginResponse, LogoutResponse, SsoChoice, User } from '../shared/api/types';

export const sessionApi = {
  login(login: string, password: string): Promise<LoginResponse> {
    return request('POST', '/auth/login', { body: { login, password }, redirectOn401: false });
  },
  /**
   * Revokes the session. Null (204), or the provider's end-session address (200) when the session was
   * opened through an identity provider that has one: the browser goes there next (providerLogout.ts).
   */
  async logout(): Promise<string | null> {
    const answer = await request<LogoutResponse | undefined>('POST', '/auth/logout', { redirectOn401: false });
    return answer?.provider_logout_url ?? null;
  },
  me(signal?: AbortSignal): Promise<User> {
    return request('GET', '/me', { signal });
  },
  /** The organisations whose identity provider one can log in through. */
  async ssoChoices(signal?: AbortSignal): Promise<SsoChoice[]> {
    return (await request<{ items: SsoChoice[] }>('GET', '/auth/sso', { signal, redirectOn401: false })).items;
  },
};
