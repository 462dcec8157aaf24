import type { ReactNode } from 'react';

/** One term of a <dl className="facts">: its label and its value. */
export function Fact({ label, testId, className, children }: { label: string; testId?: string; className?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
