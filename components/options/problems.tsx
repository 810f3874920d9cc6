import { createContext, useContext } from 'react';
import { BUYING_ROLES } from '@/lib/db/contacts';
import type { SettingsProblem } from '@/lib/settings/validate';
import { humanize } from './draft';

export type Path = readonly (string | number)[];

/** The problems of the last save attempt, kept current while the person fixes them. */
export const ProblemsContext = createContext<readonly SettingsProblem[]>([]);

/** A path as the `data-path` of its input, so that a problem can lead to it. */
export const pathKey = (path: Path): string => path.join('.');

/**
 * The problem at an input's path, if any: one located exactly there, or one step above it
 * (a problem with the grade thresholds marks each threshold).
 */
export function useProblem(path: Path | undefined): string | undefined {
  const problems = useContext(ProblemsContext);
  if (!path) return undefined;
  const hit = problems.find(
    (p) =>
      p.path.length > 0 &&
      (p.path.length === path.length || p.path.length === path.length - 1) &&
      p.path.every((part, i) => part === path[i]),
  );
  return hit ? readableMessage(hit.message) : undefined;
}

/**
 * The few schema keys lib/settings/validate.ts leaves as they are; touchpoint types and buyer roles
 * (snake and upper case) are humanised.
 */
const WORDS: Record<string, string> = {
  tierModel: 'tier model',
  min: 'minimum',
  max: 'maximum',
};

const ROLES = new Set<string>(BUYING_ROLES);

/** "engagement › touchpoint weights › web_visit" → "engagement › touchpoint weights › web visit". */
export function readableWhere(where: string): string {
  return where
    .split(' › ')
    .map((part) => WORDS[part] ?? (part.includes('_') || ROLES.has(part) ? humanize(part).toLowerCase() : part))
    .join(' › ');
}

/** zod's type messages in the words of the form. */
export function readableMessage(message: string): string {
  if (/expected number, received NaN/.test(message)) return 'must be a number';
  if (/expected int/.test(message)) return 'must be a whole number';
  return message;
}

/** Each problem as "where: message", a button that leads to its input. */
export function ProblemList({ problems }: { problems: readonly SettingsProblem[] }) {
  const focus = (path: Path) => {
    const input = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path))}"]`);
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  };
  return (
    <ul className="problem-list">
      {problems.map((p) => (
        <li key={`${pathKey(p.path)}:${p.message}`}>
          <button type="button" className="link" onClick={() => focus(p.path)}>
            {readableWhere(p.where)}: {readableMessage(p.message)}
          </button>
        </li>
      ))}
    </ul>
  );
}
