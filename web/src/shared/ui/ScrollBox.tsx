import type { HTMLAttributes } from 'react';
import { useFocusableWhenScrolling } from '../hooks/useFocusableWhenScrolling';

/**
 * The box a table scrolls in when it is wider than the page (on a phone), instead of widening the
 * page; reachable with the keyboard while it scrolls.
 */
export function ScrollBox({ className = 'table-wrap', children, ...rest }: HTMLAttributes<HTMLDivElement>) {
  const ref = useFocusableWhenScrolling<HTMLDivElement>();
  return (
    <div ref={ref} className={className} {...rest}>
      {children}
    </div>
  );
}
