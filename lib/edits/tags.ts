/** Longer than this is a note, not a tag. */
export const MAX_TAG_LENGTH = 60;

const fold = (tag: string): string => tag.normalize('NFKC').toLocaleLowerCase('en');

/**
 * A typed tag as stored: spaces trimmed and collapsed, control characters dropped, and `;` (the
 * separator of HubSpot's multi-value properties and of the export's Tags column) read as a space.
 * `undefined` when nothing is left.
 */
export function normaliseTag(typed: string): string | undefined {
  const tag = typed
    .replace(/[\p{Cc};]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TAG_LENGTH)
    .trim();
  return tag === '' ? undefined : tag;
}

/** Whether two tags are one: "ABM 2026" and "abm 2026" are. */
export const sameTag = (a: string, b: string): boolean => fold(a) === fold(b);

/** The tags with `tag` added at the end, unless the account has it already (in any case). */
export function withTag(tags: readonly string[], tag: string): string[] {
  return tags.some((t) => sameTag(t, tag)) ? [...tags] : [...tags, tag];
}

/** The tags without `tag` (in any case). */
export function withoutTag(tags: readonly string[], tag: string): string[] {
  return tags.filter((t) => !sameTag(t, tag));
}

/**
 * The known tags worth offering while the user types: those the account does not have, each
 * once (its first spelling), the ones starting with the typed text before the ones containing
 * it, alphabetically within each, at most `limit`.
 */
export function tagSuggestions(
  known: Iterable<string>,
  current: readonly string[],
  typed: string,
  limit = 12,
): string[] {
  const have = new Set(current.map(fold));
  const query = fold(typed.trim());
  const seen = new Set<string>();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const tag of known) {
    const key = fold(tag);
    if (key === '' || have.has(key) || seen.has(key)) continue;
    seen.add(key);
    if (key.startsWith(query)) starts.push(tag);
    else if (key.includes(query)) contains.push(tag);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  return [...starts.sort(byName), ...contains.sort(byName)].slice(0, limit);
}
