import type { ReactNode } from 'react';

/** A page's title, with a subtitle under it and, to its right, `children` (buttons, a state badge). */
export function PageTitle({
  title,
  subtitle,
  titleTestId,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  titleTestId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="page-title">
      <div>
        <h1 data-testid={titleTestId}>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {children}
    </div>
  );
}
