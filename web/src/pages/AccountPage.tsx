import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isAbort } from '../api';
import { accountApi } from '../adminApi';
import {
  ACCOUNTS_PATH,
  canManageAccount,
  deliveryMessage,
  organisationPath,
  roleWithCollege,
} from '../administration';
import type { Account } from '../adminTypes';
import { AccountForm } from '../components/AccountForm';
import { AccountStatusBadge } from '../components/AdminBadges';
import { ReasonDialog } from '../components/ReasonDialog';
import { reportError, type ErrorDescription } from '../errors';
import { formatDateTime } from '../format';
import { useSession } from '../session';
import { usePageTitle } from '../usePageTitle';

/**
 * One account: what it is, its edit form, « Renvoyer l'invitation » while it
 * is invited, « Désactiver le compte » (with a reason; every session closes at
 * once) or « Réactiver ».
 */
export function AccountPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** 'info' when the link went to the server's log rather than by e-mail. */
  const [noticeKind, setNoticeKind] = useState<'success' | 'info'>('success');
  const [actionError, setActionError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [deactivating, setDeactivating] = useState(false);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);
  usePageTitle(account?.display_name ?? 'Compte');

  useEffect(() => {
    const controller = new AbortController();
    setAccount(null);
    setError(null);
    accountApi.get(id, controller.signal).then(setAccount, (err: unknown) => {
      if (!isAbort(err)) setError(reportError(err, { operation: 'account' }));
    });
    return () => controller.abort();
  }, [id]);

  async function run(key: string, action: () => Promise<void>, operation: 'invitation' | 'account_status') {
    setBusy(key);
    setActionError(null);
    setNotice(null);
    try {
      await action();
    } catch (err) {
      setActionError(reportError(err, { operation }));
    } finally {
      setBusy(null);
    }
  }

  function resendInvitation() {
    if (!account) return;
    void run(
      'invitation',
      async () => {
        const sent = await accountApi.resendInvitation(account.id);
        setNoticeKind(sent.delivery === 'log' ? 'info' : 'success');
        setNotice(
          `${deliveryMessage(sent.delivery, account.email)}${
            sent.expires_at ? ` Le lien est valable jusqu'au ${formatDateTime(sent.expires_at)}.` : ''
          } L'ancien lien ne fonctionne plus.`,
        );
      },
      'invitation',
    );
  }

  async function deactivate(reason: string) {
    if (!account) return;
    setBusy('deactivate');
    setDialogError(null);
    try {
      setAccount(await accountApi.deactivate(account.id, reason));
      setDeactivating(false);
      setNoticeKind('success');
      setNotice('Compte désactivé : toutes ses sessions ont été fermées.');
    } catch (err) {
      setDialogError(reportError(err, { operation: 'account_status', values: { reason } }));
    } finally {
      setBusy(null);
    }
  }

  function reactivate() {
    if (!account) return;
    void run(
      'reactivate',
      async () => {
        setAccount(await accountApi.reactivate(account.id));
        setNoticeKind('success');
        setNotice('Compte réactivé.');
      },
      'account_status',
    );
  }

  if (error) {
    return (
      <section>
        <p className="breadcrumb">
          <Link to={ACCOUNTS_PATH}>Comptes</Link>
        </p>
        <h1>Compte</h1>
        <p role="alert" className="alert alert--error" data-testid="account-error" title={error.technical ?? undefined}>
          {error.text}
        </p>
      </section>
    );
  }
  if (!account || !user) return <p aria-live="polite">Chargement du compte…</p>;

  const manageable = canManageAccount(user, account);
  const self = account.id === user.id;
  return (
    <>
      <p className="breadcrumb">
        <Link to={ACCOUNTS_PATH}>Comptes</Link> › {account.display_name}
      </p>
      <div className="page-title">
        <div>
          <h1 data-testid="account-title">{account.display_name}</h1>
          <p className="subtitle">
            {roleWithCollege(account.role, account.college)} · {account.organisation.name}
          </p>
        </div>
        <div className="page-title__state">
          <AccountStatusBadge status={account.status} />
        </div>
      </div>

      {notice && (
        <p role="status" className={`alert alert--${noticeKind}`} data-testid="account-notice">
          {notice}
        </p>
      )}
      {actionError && (
        <p role="alert" className="alert alert--error" data-testid="account-action-error" title={actionError.technical ?? undefined}>
          {actionError.text}
        </p>
      )}

      <section className="panel" aria-labelledby="account-facts-title">
        <h2 id="account-facts-title">Informations</h2>
        <dl className="facts" data-testid="account-facts">
          <div>
            <dt>Identifiant</dt>
            <dd data-testid="account-login-value">{account.login}</dd>
          </div>
          <div>
            <dt>Adresse e-mail</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt>Organisation</dt>
            <dd>
              <Link to={organisationPath(account.organisation.id)}>{account.organisation.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Mot de passe</dt>
            <dd>{account.password_set ? 'Choisi' : "Pas encore choisi (invitation en attente)"}</dd>
          </div>
          <div>
            <dt>Créé le</dt>
            <dd>{formatDateTime(account.created_at)}</dd>
          </div>
          <div>
            <dt>Mis à jour</dt>
            <dd>{formatDateTime(account.updated_at)}</dd>
          </div>
        </dl>
      </section>

      {manageable && (
        <section className="panel" aria-labelledby="account-edit-title">
          <h2 id="account-edit-title">Modifier</h2>
          <AccountForm user={user} original={account} onSaved={(a) => { setAccount(a); setNotice(null); }} />
        </section>
      )}

      {manageable && (
        <section className="panel" aria-labelledby="account-actions-title">
          <h2 id="account-actions-title">Accès</h2>
          {account.status === 'invited' && (
            <div className="account-action">
              <p className="muted">
                La personne n'a pas encore choisi son mot de passe. Un nouveau lien, valable 72 heures, remplace le
                précédent.
              </p>
              <button
                type="button"
                className="button"
                onClick={resendInvitation}
                disabled={busy !== null}
                data-testid="account-resend-invitation"
              >
                {busy === 'invitation' ? 'Envoi…' : "Renvoyer l'invitation"}
              </button>
            </div>
          )}
          {account.active && !self && (
            <div className="account-action">
              <p className="muted">
                La désactivation ferme aussitôt toutes les sessions du compte ; la personne ne peut plus se connecter
                jusqu'à sa réactivation.
              </p>
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  setDialogError(null);
                  setDeactivating(true);
                }}
                disabled={busy !== null}
                data-testid="account-deactivate"
              >
                Désactiver le compte
              </button>
            </div>
          )}
          {account.active && self && <p className="muted">Vous ne pouvez pas désactiver votre propre compte.</p>}
          {!account.active && (
            <div className="account-action">
              <p className="muted">Le compte est désactivé : la personne ne peut pas se connecter.</p>
              <button
                type="button"
                className="button button--primary"
                onClick={reactivate}
                disabled={busy !== null}
                data-testid="account-reactivate"
              >
                {busy === 'reactivate' ? 'Réactivation…' : 'Réactiver'}
              </button>
            </div>
          )}
        </section>
      )}

      {deactivating && (
        <ReasonDialog
          title={`Désactiver le compte de ${account.display_name}`}
          intro="La désactivation ferme aussitôt toutes les sessions de ce compte : la personne est déconnectée partout et ne peut plus se connecter. Le motif est inscrit au journal d'administration."
          confirmLabel="Désactiver le compte"
          busy={busy === 'deactivate'}
          error={dialogError}
          onConfirm={(reason) => void deactivate(reason)}
          onCancel={() => setDeactivating(false)}
          testId="deactivate-dialog"
        />
      )}
    </>
  );
}
