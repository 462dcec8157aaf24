import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from '../../features/admin/administration';

/**
 * The user's name as a button opening a small menu: « Changer mon mot de
 * passe », « Se déconnecter ». Escape or a click elsewhere closes it.
 */
export function AccountMenu({ name, onLogout, busy }: { name: string; onLogout: () => void; busy: boolean }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const items = Array.from(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
        if (items.length === 0) return;
        event.preventDefault();
        const at = items.indexOf(document.activeElement as HTMLElement);
        const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
        items[next]?.focus();
      }
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div
      className="account-menu"
      ref={root}
      onBlur={(event) => {
        if (open && root.current && !root.current.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-menu"
      >
        {/* The name alone in .app-header__name, which the pages and tests read as the user's name. */}
        <span className="app-header__name">{name}</span> <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id={menuId} role="menu" className="account-menu__list" aria-label="Mon compte">
          <li role="none">
            <Link
              role="menuitem"
              to={CHANGE_PASSWORD_PATH}
              className="account-menu__item"
              onClick={() => setOpen(false)}
              data-testid="account-menu-password"
            >
              Changer mon mot de passe
            </Link>
          </li>
          <li role="none">
            <button
              role="menuitem"
              type="button"
              className="account-menu__item"
              onClick={() => {
                setOpen(false);
                onLogout();
              }}
              disabled={busy}
              data-testid="account-menu-logout"
            >
              Se déconnecter
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
