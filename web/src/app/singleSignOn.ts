// Logging in through one's organisation (OpenID Connect): where the button goes, and what the login page
// says when the server sends the browser back with `?sso=<what failed>` (GET /auth/sso/callback).

import { API_PREFIX } from '../shared/api/client';

/** The server's start of a login through the organisation's identity provider (a full page load). */
export function ssoStartUrl(organisationId: string): string {
  return `${API_PREFIX}/auth/sso/${encodeURIComponent(organisationId)}/start`;
}

const REFUSED = 'La connexion a été refusée par votre organisation. Recommencez, ou utilisez votre mot de passe.';

const SSO_REFUSALS: Record<string, string> = {
  state: 'La connexion par votre organisation a expiré ou a déjà servi. Recommencez.',
  code: 'Votre organisation n’a pas confirmé la connexion. Recommencez, ou utilisez votre mot de passe.',
  refused: REFUSED,
  id_token:
    'La réponse de votre organisation n’a pas pu être vérifiée. Prévenez l’administrateur de la plateforme.',
  email:
    'Aucun compte actif de votre organisation n’a l’adresse e-mail que votre organisation a confirmée. ' +
    'Demandez à votre coordinateur de vérifier l’adresse de votre compte.',
  unavailable: 'Le service de connexion de votre organisation ne répond pas. Réessayez dans quelques minutes.',
};

/** The French sentence for the login page's `?sso=` parameter, or null when there is none. */
export function ssoRefusal(search: string): string | null {
  const reason = new URLSearchParams(search).get('sso');
  if (reason === null) return null;
  return SSO_REFUSALS[reason] ?? REFUSED;
}
