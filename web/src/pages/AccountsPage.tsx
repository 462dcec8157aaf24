import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { isAbort } from '../api';
import { accountApi, organisationApi } from '../adminApi';
import {
  ACCOUNT_STATUSES,
  ROLE_ORDER,
  accountPath,
  creatableRoles,
  deliveryMessage,
  organisationPath,
  roleWithCollege,
} from '../administration';
import type { Account, CreatedAccount, Organisation, Page } from '../adminTypes';
import { AccountForm } from '../components/AccountForm';
import { AccountStatusBadge } from '../components/AdminBadges';
import { Pager } from '../components/Pager';
import { reportError, type ErrorDescription } from '../errors';
import { formatDateTime } from '../format';
import { roleLabel } from '../labels';
import { useSession } from '../session';
import { useCursorPaging } from '../useCursorPaging';
import { usePageTitle } from '../usePageTitle';

const PAGE_SIZE = 25;

// URL query parameters (shareable, kept by the back button).
const P_ORGANISATION = 'organisation';
const P_ROLE = 'role';
const P_STATUS = 'statut';
const P_QUERY = 'q';
/** nouveau=1 opens the "Nouveau compte" form (the organisation page links to it). */
const P_NEW = 'nouveau';

/** The accounts the user administers: a filterable, paginated table and the "Nouveau compte" form. */
export function AccountsPage() {
  usePageTitle('Comptes');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const organisationId = params.get(P_ORGANISATION) ?? '';
  const role = params.get(P_ROLE) ?? '';
  const status = params.get(P_STATUS) ?? '';
  const q = params.get(P_QUERY) ?? '';
  const creating = params.get(P_NEW) === '1';

  const [queryInput, setQueryInput] = useState(q);
  const [list, setList] = useState<Page<Account> | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [organisations, setOrganisations] = useState<Organisation[] | null>(null);
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const [reload, setReload] = useState(0);
  const paging = useCursorPaging(JSON.stringify([organisationId, role, status, q]));
  const canCreate = creatableRoles(user).length > 0;

  function setParam(name: string, value: string) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name === P_QUERY || name === P_NEW },
    );
  }

  useEffect(() => {
    if (queryInput.trim() === q) return;
    const timer = setTimeout(() => setParam(P_QUERY, queryInput.trim()), 300);
    return () => clearTimeout(timer);
  }, [queryInput]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    accountApi
      .list(
        { organisation_id: organisationId, role, status, q, limit: PAGE_SIZE, cursor: paging.cursor },
        controller.signal,
      )
      .then(
        (page) => {
          setList(page);
          setLoading(false);
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          setError(reportError(err, { operation: 'list', values: { q } }));
          setLoading(false);
        },
      );
    return () => controller.abort();
  }, [organisationId, role, status, q, paging.cursor, reload]);

  // The organisations of the filter (every state: a deactivated one still has accounts).
  useEffect(() => {
    const controller = new AbortController();
    organisationApi.listAll({ active: 'all' }, controller.signal).then(
      (all) => setOrganisations([...all].sort((a, b) => a.name.localeCompare(b.name, 'fr'))),
      (err: unknown) => {
        if (!isAbort(err)) setOrganisations([]);
      },
    );
    return () => controller.abort();
  }, []);

  function resetFilters() {
    setQueryInput('');
    setParams(new URLSearchParams());
  }

  function onCreated(result: CreatedAccount) {
    setCreated(result);
    setParam(P_NEW, '');
    setReload((n) => n + 1);
  }

  if (!user) return null;
  const filterOrganisationKnown = !organisationId || organisations === null || organisations.some((o) => o.id === organisationId);
  return (
    <>
      <div className="page-title">
        <div>
          <h1>Comptes</h1>
          <p className="subtitle">
            {user.role === 'centre_coordinator'
              ? 'Les comptes de votre centre et des entreprises qui travaillent avec lui.'
              : user.role === 'gtp_admin'
                ? 'Les comptes du GTP Certifications.'
                : 'Tous les comptes de la plateforme.'}
          </p>
        </div>
        {canCreate && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setParam(P_NEW, '1');
            }}
            data-testid="account-new"
          >
            Nouveau compte
          </button>
        )}
      </div>

      {created && (
        <div
          role="status"
          className={`alert ${created.invitation.delivery === 'log' ? 'alert--info' : 'alert--success'}`}
          data-testid="account-created"
        >
          <p>
            Compte créé : <Link to={accountPath(created.user.id)}>{created.user.display_name}</Link> (identifiant{' '}
            {created.user.login}).
          </p>
          <p data-testid="invitation-delivery" data-delivery={created.invitation.delivery}>
            {deliveryMessage(created.invitation.delivery, created.user.email)}
            {created.invitation.expires_at && ` Le lien est valable jusqu'au ${formatDateTime(created.invitation.expires_at)}.`}
          </p>
        </div>
      )}

      {creating && canCreate && (
        <section className="panel" aria-labelledby="account-new-title">
          <h2 id="account-new-title">Nouveau compte</h2>
          <p className="muted">
            La personne reçoit par e-mail un lien pour choisir son mot de passe ; le lien est valable 72 heures.
          </p>
          <AccountForm
            user={user}
            initialOrganisationId={organisationId || undefined}
            onCreated={onCreated}
            onCancel={() => setParam(P_NEW, '')}
          />
        </section>
      )}

      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} aria-label="Filtrer les comptes">
        <div className="field">
          <label htmlFor="f-account-organisation">Organisation</label>
          <select
            id="f-account-organisation"
            value={organisationId}
            onChange={(e) => setParam(P_ORGANISATION, e.target.value)}
          >
            <option value="">Toutes les organisations</option>
            {!filterOrganisationKnown && <option value={organisationId}>Organisation choisie</option>}
            {(organisations ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
                {o.active ? '' : ' (désactivée)'}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-account-role">Rôle</label>
          <select id="f-account-role" value={role} onChange={(e) => setParam(P_ROLE, e.target.value)}>
            <option value="">Tous les rôles</option>
            {ROLE_ORDER.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-account-status">Statut</label>
          <select id="f-account-status" value={status} onChange={(e) => setParam(P_STATUS, e.target.value)}>
            <option value="">Tous les statuts</option>
            {ACCOUNT_STATUSES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor="f-account-q">Recherche</label>
          <input
            id="f-account-q"
            type="search"
            placeholder="Nom, identifiant, adresse e-mail…"
            value={queryInput}
            onChange={(e) => setQueryInput(e.target.value)}
          />
        </div>
        <button type="button" className="button" onClick={resetFilters}>
          Réinitialiser
        </button>
      </form>

      {error && (
        <p role="alert" className="alert alert--error" data-testid="accounts-error" title={error.technical ?? undefined}>
          {error.text}
          {error.field === 'cursor' && paging.pageNumber > 1 && (
            <>
              {' '}
              <button type="button" className="button button--link" onClick={paging.first}>
                Revenir à la première page
              </button>
            </>
          )}
        </p>
      )}

      <div className="table-wrap" aria-busy={loading}>
        <table className="files-table" data-testid="accounts-table">
          <caption className="visually-hidden">Comptes, page {paging.pageNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Identifiant</th>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">Organisation</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {list?.items.map((a) => (
              <tr key={a.id} data-testid="account-row" data-account-id={a.id} data-status={a.status} data-role={a.role}>
                <th scope="row">
                  <Link to={accountPath(a.id)} data-testid="account-link">
                    {a.display_name}
                  </Link>
                </th>
                <td>{a.login}</td>
                <td>{a.email}</td>
                <td>{roleWithCollege(a.role, a.college)}</td>
                <td>
                  <Link to={organisationPath(a.organisation.id)}>{a.organisation.name}</Link>
                </td>
                <td>
                  <AccountStatusBadge status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && list && list.items.length === 0 && <p className="empty">Aucun compte ne correspond à ces critères.</p>}
        {loading && !list && <p className="empty">Chargement des comptes…</p>}
      </div>
      <Pager paging={paging} nextCursor={list?.next_cursor} loading={loading} testId="accounts" />
    </>
  );
}
