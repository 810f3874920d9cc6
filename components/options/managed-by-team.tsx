import type { ReactNode } from 'react';
import type { ManagedModels, ManagedSection } from '@/lib/settings/managed';

/**
 * A settings editor whose sections the team feed manages: shown as the team set them, read only
 * (a disabled fieldset), with a note saying so. Any other editor is shown as it is.
 */
export function ManagedByTeam({
  managed,
  sections,
  children,
}: {
  managed: ManagedModels | undefined;
  sections: readonly ManagedSection[];
  children: ReactNode;
}) {
  const mine = sections.filter((s) => managed?.[s] !== undefined);
  if (mine.length === 0) return children;
  return (
    <fieldset className="managed-by-team" disabled>
      <legend className="notice">Managed by your team — set in your team feed, read only here.</legend>
      {children}
    </fieldset>
  );
}

/**
 * What is saved as the user's own settings: the draft, except the sections the team manages,
 * which keep the user's own values (the editors showed the team's, read only), so that the
 * user's own come back if the team stops managing them.
 */
export function ownPart(draft: unknown, own: Record<string, unknown>, managed: ManagedModels | undefined): unknown {
  if (!managed || typeof draft !== 'object' || draft === null) return draft;
  const result: Record<string, unknown> = { ...(draft as Record<string, unknown>) };
  for (const section of Object.keys(managed)) result[section] = own[section];
  return result;
}
