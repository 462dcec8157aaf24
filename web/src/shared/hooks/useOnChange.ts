import { useState } from 'react';

/**
 * Calls `onChange` while rendering when `value` differs (Object.is) from the
 * previous render's, not on the first render: for state that belongs to a
 * record or follows a prop (dropped or copied when it changes). Set while
 * rendering, the stale state is never drawn; in an effect it would be drawn
 * once, then rendered again. `onChange` may only set this component's state.
 */
export function useOnChange<T>(value: T, onChange: (value: T) => void): void {
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    onChange(value);
  }
}
