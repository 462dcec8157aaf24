// The session calls: sign in (a 401 there means a wrong password), sign out, who is signed in.

import { request } from '../shared/api/client';
import type { LoginResponse, SsoChoice, User } from '../shared/api/types';

export const sessionApi = {
  login(login: string, password: string): Promise<LoginResponse> {
    return request('POST', '/auth/login', { body: { login, password }, redirectOn401: false });
  },
  logout(): Promise<void> {
    return request('POST', '/auth/logout', { redirectOn401: false });
  },
  me(signal?: AbortSignal): Promise<User> {
    return request('GET', '/me', { signal });
  },
  /** The organisations whose identity provider one can log in through. */
  async ssoChoices(signal?: AbortSignal): Promise<SsoChoice[]> {
    return (await request<{ items: SsoChoice[] }>('GET', '/auth/sso', { signal, redirectOn401: false })).items;
  },
};
