import type { Principal } from '@ntm/core';

/** A signed-in user as the services see them. */
export interface SessionUser extends Principal {
  id: string;
  displayName: string;
}

/**
 * Who is asking. Services receive it and filter or refuse by it: `public` is an anonymous
 * visitor (aggregates only), `user` a signed-in account, `system` the CLI, the seed and an
 * demo seed, which act for the whole province.
 */
export type Viewer =
  | { kind: 'public' }
  | { kind: 'user'; user: SessionUser; session: { idHash: string; csrfToken: string } }
  | { kind: 'system'; name: string };

export const publicViewer: Viewer = { kind: 'public' };

export function systemViewer(name: string): Viewer {
  return { kind: 'system', name };
}

/** The name written to the audit log and to `updated_by`. */
export function actorName(viewer: Viewer): string {
  switch (viewer.kind) {
    case 'user':
      return viewer.user.username;
    case 'system':
      return viewer.name;
    case 'public':
      return 'public';
  }
}
