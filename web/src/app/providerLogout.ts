// Signing out of a session opened through the organisation's identity provider (OpenID Connect
// RP-Initiated Logout): POST /auth/logout answers the provider's end-session address, and the whole
// window goes there so the provider ends its own session too (on a shared workstation, the next
// « Se connecter avec … » must not sign in the previous person); the provider sends the browser back to
// /connexion.

/** The address to follow when it is an absolute http(s) URL, else null (never `javascript:` or a relative path). */
export function providerLogoutUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\/\S+$/i.test(url) ? url : null;
}

/**
 * Leaves the app for the provider's logout when the logout answered a followable address: true when the
 * browser is leaving (this page's state goes with it), false when the caller signs out in the app as before.
 * The page is replaced, as the in-app navigation to /connexion replaces it: Back does not show it again.
 */
export function leaveForProviderLogout(url: string | null | undefined): boolean {
  const target = providerLogoutUrl(url);
  if (target === null) return false;
  window.location.replace(target);
  return true;
}
