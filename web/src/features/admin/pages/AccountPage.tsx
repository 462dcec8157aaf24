import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
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
import { Fact } from '../../../shared/ui/Fact';
import { ActionOutcome, Breadcrumb, RecordLoadFailed } from '../../../shared/ui/RecordPage';
import { ReasonDialog } from '../../../shared/ui/ReasonDialog';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { Panel } from '../../../shared/ui/Panel';
import { reportError, type ErrorDescription } from '../../../shared/errors/errors';
import { formatDateTime } from '../../../shared/format/format';
import { useSession } from '../../../app/session';
import { usePageTitle } from '../../../shared/hooks/usePageTitle';
import { useApiResource } from '../../../shared/hooks/useApiResource';

const RESEND_TEXT =
  "La personne n'a pas encore choisi son mot de passe. Un nouveau lien, valable 72 heures, remplace le précédent.";
const DEACTIVATE_TEXT =
  "La désactivation ferme aussitôt toutes les sessions du compte ; la personne ne peut plus se connecter jusqu'à sa réactivation.";

/**
 * One account: what it is, its edit form, « Renvoyer l'invitation » while it
 * is invited, « Désactiver le compte » (with a reason; every session closes at
 * once) or « Réactiver ».
 */
export function AccountPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { data: account, setData: setAccount, error } = useApiResource<Account>(
    (signal) => accountApi.get(id, signal),
    [id],
    { context: { operation: 'account' } },
  );
  const [notice, setNotice] = useState<string | null>(null);
  /** 'info' when the link went to the server's log rather than by e-mail. */
  const [noticeKind, setNoticeKind] = useState<'success' | 'info'>('success');
  const [actionError, setActionError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [deactivating, setDeactivating] = useState(false);
  const [dialogError, setDialogError] = useState<ErrorDescription | null>(null);
  usePageTitle(account?.display_name ?? 'Compte');

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
      <RecordLoadFailed
        breadcrumb={<Breadcrumb to={ACCOUNTS_PATH} list="Comptes" />}
        title="Compte"
        error={error}
        testId="account-error"
      />
    );
  }
  if (!account || !user) return <p aria-live="polite">Chargement du compte…</p>;

  const manageable = canManageAccount(user, account);
  const self = account.id === user.id;
  return (
    <>
      <Breadcrumb to={ACCOUNTS_PATH} list="Comptes" current={account.display_name} />
      <PageTitle
        title={account.display_name}
        titleTestId="account-title"
        subtitle={`${roleWithCollege(account.role, account.college)} · ${account.organisation.name}`}
      >
        <div className="page-title__state">
          <AccountStatusBadge status={account.status} />
        </div>
      </PageTitle>

      <ActionOutcome notice={notice} kind={noticeKind} error={actionError} testIdPrefix="account" />

      <Panel id="account-facts-title" title="Informations">
        <dl className="facts" data-testid="account-facts">
          <Fact label="Identifiant" testId="account-login-value">
            {account.login}
          </Fact>
          <Fact label="Adresse e-mail">{account.email}</Fact>
          <Fact label="Organisation">
            <Link to={organisationPath(account.organisation.id)}>{account.organisation.name}</Link>
          </Fact>
          <Fact label="Mot de passe">{account.password_set ? 'Choisi' : 'Pas encore choisi (invitation en attente)'}</Fact>
          <Fact label="Créé le">{formatDateTime(account.created_at)}</Fact>
          <Fact label="Mis à jour">{formatDateTime(account.updated_at)}</Fact>
        </dl>
      </Panel>

      {manageable && (
        <Panel id="account-edit-title" title="Modifier">
          <AccountForm user={user} original={account} onSaved={(a) => { setAccount(a); setNotice(null); }} />
        </Panel>
      )}

      {manageable && (
        <Panel id="account-actions-title" title="Accès">
          {account.status === 'invited' && (
            <AccessAction
              text={RESEND_TEXT}
              label={busy === 'invitation' ? 'Envoi…' : "Renvoyer l'invitation"}
              onClick={resendInvitation}
              disabled={busy !== null}
              testId="account-resend-invitation"
            />
          )}
          {account.active && !self && (
            <AccessAction
              text={DEACTIVATE_TEXT}
              label="Désactiver le compte"
              variant="danger"
              onClick={() => {
                setDialogError(null);
                setDeactivating(true);
              }}
              disabled={busy !== null}
              testId="account-deactivate"
            />
          )}
          {account.active && self && <p className="muted">Vous ne pouvez pas désactiver votre propre compte.</p>}
          {!account.active && (
            <AccessAction
              text="Le compte est désactivé : la personne ne peut pas se connecter."
              label={busy === 'reactivate' ? 'Réactivation…' : 'Réactiver'}
              variant="primary"
              onClick={reactivate}
              disabled={busy !== null}
              testId="account-reactivate"
            />
          )}
        </Panel>
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

/** One access action: what it does, then its button. */
function AccessAction({
  text,
  label,
  variant,
  onClick,
  disabled,
  testId,
}: {
  text: string;
  label: string;
  variant?: 'primary' | 'danger';
  onClick: () => void;
  disabled: boolean;
  testId: string;
}) {
  return (
    <div className="account-action">
      <p className="muted">{text}</p>
      <button
        type="button"
        className={variant ? `button button--${variant}` : 'button'}
        onClick={onClick}
        disabled={disabled}
        data-testid={testId}
      >
        {label}
      </button>
    </div>
  );
}
