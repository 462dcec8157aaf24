// A small OpenID provider on a loopback port for the browser test of single sign-on (the C++ tests have
// their own: tests/support/oidc_test_provider.h). Discovery, JWKS, an authorization endpoint that signs in
// whoever the test says (no login page of its own) and redirects back with a code, and a token endpoint
// that checks the client's secret, the redirect URI and the PKCE verifier before answering an RS256 ID
// token, and an end-session endpoint (RP-Initiated Logout) that counts the logouts, forgets whoever it
// signed in and sends the browser back. Node's crypto signs; nothing is mocked on the server's side.

import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { createServer } from 'node:http';

const base64url = (bytes) => Buffer.from(bytes).toString('base64url');

export async function startOidcProvider({ clientId, clientSecret }) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-key', use: 'sig', alg: 'RS256' };
  const grants = new Map();
  const nobody = { email: '', verified: true };
  let who = nobody;
  const logouts = [];
  let issuer = '';

  const idToken = (claims) => {
    const signed = `${base64url(JSON.stringify({ alg: 'RS256', kid: 'e2e-key' }))}.${base64url(JSON.stringify(claims))}`;
    return `${signed}.${base64url(sign('sha256', Buffer.from(signed), privateKey))}`;
  };
  const json = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req) =>
    new Promise((resolve) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => resolve(body));
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256' || !q.get('state')) {
        return json(res, 400, { error: 'invalid_request' });
      }
      const code = base64url(randomBytes(16));
      grants.set(code, { ...who, nonce: q.get('nonce'), challenge: q.get('code_challenge'), redirect: q.get('redirect_uri') });
      const back = new URL(q.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state'));
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/logout') {
      const q = url.searchParams;
      const back = q.get('post_logout_redirect_uri');
      if (q.get('client_id') !== clientId || !back) return json(res, 400, { error: 'invalid_request' });
      logouts.push({ clientId: q.get('client_id'), postLogoutRedirectUri: back });
      who = nobody;  // its session ends: the next authorization signs in no one until the test says who
      res.writeHead(302, { Location: back });
      return res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':')
        .map(decodeURIComponent);
      const form = new URLSearchParams(await readBody(req));
      const grant = grants.get(form.get('code'));
      const verifier = form.get('code_verifier') ?? '';
      if (id !== clientId || secret !== clientSecret) return json(res, 401, { error: 'invalid_client' });
      if (!grant || grant.redirect !== form.get('redirect_uri') ||
          base64url(createHash('sha256').update(verifier).digest()) !== grant.challenge) {
        return json(res, 400, { error: 'invalid_grant' });
      }
      grants.delete(form.get('code'));
      const now = Math.floor(Date.now() / 1000);
      return json(res, 200, {
        access_token: base64url(randomBytes(16)),
        token_type: 'Bearer',
        id_token: idToken({
          iss: issuer, sub: `e2e-${grant.email}`, aud: clientId, iat: now, exp: now + 300,
          nonce: grant.nonce, email: grant.email, email_verified: grant.verified,
        }),
      });
    }
    return json(res, 404, { error: 'not_found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${server.address().port}`;
  return {
    issuer,
    /** The logouts it was sent to, in order: {clientId, postLogoutRedirectUri}. */
    logouts,
    /** Who the next authorizations sign in. */
    signIn(email, verified = true) {
      who = { email, verified };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
