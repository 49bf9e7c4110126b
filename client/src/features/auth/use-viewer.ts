import { useQuery } from 'urql';
import { VIEWER } from './queries';

export type Role = 'ANALYST' | 'PLANNER' | 'STATISTICS' | 'ADMIN';
export interface Viewer {
  role: Role | 'ANONYMOUS';
  roles: Role[];
  kind: 'USER' | 'API_KEY' | 'SYSTEM' | null;
  label: string | null;
}

/** Roles that may edit services, providers, funding and measures (the server checks again). */
export const EDITOR_ROLES: readonly Role[] = ['PLANNER', 'ADMIN'];
export const canEdit = (viewer: Viewer | null) => !!viewer && viewer.roles.some((r) => EDITOR_ROLES.includes(r));

/** Who the browser's session stands for; null while loading or when the API is unreachable. */
export function useViewer() {
  const [{ data, fetching, error }] = useQuery<{ viewer: Viewer }>({ query: VIEWER });
  return { viewer: data?.viewer ?? null, fetching, error: !!error };
}
