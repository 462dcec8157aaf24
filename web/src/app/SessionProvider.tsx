import { useMemo, useState, type ReactNode } from 'react';
import type { User } from '../shared/api/types';
import { SessionContext } from './session';

/** Holds the signed-in user for every page below it (read with useSession). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const value = useMemo(() => ({ user, setUser }), [user]);
  return <SessionContext value={value}>{children}</SessionContext>;
}
