import { useQuery } from 'urql';
import type { Role, ViewerQuery } from '../../generated/graphql';
import { VIEWER } from './queries';

export type Viewer = ViewerQuery['viewer'];

/** Roles that may edit services, providers, funding and measures (the server checks again). */
export const EDITOR_ROLES: readonly Role[] = ['PLANNER', 'ADMIN'];
export const canEdit = (viewer: Viewer | null) => !!viewer && viewer.roles.some((r) => EDITOR_ROLES.includes(r));

/** Who the browser's session stands for; null while loading or when the API is unreachable. */
export function useViewer() {
  const [{ data, fetching, error }] = useQuery({ query: VIEWER });
  return { viewer: data?.viewer ?? null, fetching, error: !!error };
}
