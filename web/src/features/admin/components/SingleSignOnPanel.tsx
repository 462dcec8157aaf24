import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, isAbort } from '../../../shared/api/client';
import { ssoProviderApi } from '../adminApi';
import type { SsoProvider } from '../adminTypes';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { Fact } from '../../../shared/ui/Fact';
import { FormField } from '../../../shared/ui/FormParts';
import { Panel } from '../../../shared/ui/Panel';
import { ActionOutcome } from '../../../shared/ui/RecordPage';

const FIELD_SENTENCES = {
  issuer: "L'adresse du fournisseur doit être une URL https qui publie sa configuration OpenID Connect.",
  client_id: "Saisissez l'identifiant client que le fournisseur a attribué à CQPM Hub.",
  client_secret: 'Saisissez le secret client que le fournisseur a attribué à CQPM Hub.',
};

/**
 * « Connexion par l'organisation »: the organisation's identity provider (OpenID Connect), shown, set,
 * replaced or removed by the platform administrator. The secret is typed, never shown back.
 */
export function SingleSignOnPanel({ organisationId }: { organisationId: string }) {
  const [provider, setProvider] = useState<SsoProvider | null | undefined>(undefined);
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    ssoProviderApi.get(organisationId, abort.signal).then(
      (found) => {
        setProvider(found);
        setIssuer(found.issuer);
        setClientId(found.client_id);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        if (err instanceof ApiError && err.status === 404) setProvider(null);
        else setError(reportError(err, { operation: 'organisation' }));
      },
    );
    return () => abort.abort();
  }, [organisationId]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const settings = { issuer: issuer.trim(), client_id: clientId.trim(), client_secret: secret };
      setProvider(await ssoProviderApi.set(organisationId, settings));
      setSecret('');
      setNotice('Fournisseur d’identité enregistré : la page de connexion le propose.');
    } catch (err) {
      setError(reportError(err, { operation: 'organisation', fields: FIELD_SENTENCES }));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await ssoProviderApi.remove(organisationId);
      setProvider(null);
      setNotice('Fournisseur d’identité retiré : les comptes se connectent par mot de passe.');
    } catch (err) {
      setError(reportError(err, { operation: 'organisation' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel id="org-sso-title" title="Connexion par l'organisation" testId="organisation-sso">
      <p className="muted">
        Les comptes de l'organisation peuvent se connecter par son fournisseur d'identité (OpenID Connect), qui
        doit confirmer leur adresse e-mail. Adresse de retour à déclarer chez le fournisseur :{' '}
        <code className="break-anywhere">{`${window.location.origin}/api/v1/auth/sso/callback`}</code>
      </p>
      {provider && (
        <dl className="facts" data-testid="organisation-sso-facts">
          <Fact label="Fournisseur">{provider.issuer}</Fact>
          <Fact label="Identifiant client">{provider.client_id}</Fact>
          <Fact label="Enregistré le">{formatDateTime(provider.updated_at)}</Fact>
        </dl>
      )}
      <ActionOutcome notice={notice} error={error} testIdPrefix="organisation-sso" />
      {provider !== undefined && (
        <form onSubmit={save} noValidate data-testid="organisation-sso-form">
          <FormField id="sso-issuer" label="Adresse du fournisseur (issuer)">
            <input type="url" value={issuer} onChange={(e) => setIssuer(e.target.value)} autoComplete="off" required />
          </FormField>
          <FormField id="sso-client-id" label="Identifiant client">
            <input value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" required />
          </FormField>
          <FormField id="sso-client-secret" label="Secret client">
            <input
              type="password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              autoComplete="new-password"
              required
            />
          </FormField>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy} data-testid="organisation-sso-save">
              {provider ? 'Remplacer le fournisseur' : 'Enregistrer le fournisseur'}
            </button>
            {provider && (
              <button
                type="button"
                className="button button--danger"
                onClick={remove}
                disabled={busy}
                data-testid="organisation-sso-remove"
              >
                Retirer le fournisseur
              </button>
            )}
          </div>
        </form>
      )}
    </Panel>
  );
}
