import type { ReactNode } from 'react';

/** The card of the pages shown without a session: login, forgotten password, one-time links. */
export function PublicCard({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <main className="login" id="contenu">
      <div className={wide ? 'login__card login__card--wide' : 'login__card'}>
        <p className="login__brand">CQPM Hub</p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
