import type { BuyingRole } from '../db/contacts';
import type { RoleRule } from '../settings/types';
import { foldText } from '../sync/normalise/fold';

/** A buyer role the panel offers for one-click confirmation, with where it comes from. */
export interface RoleSuggestion {
  role: BuyingRole;
  /** `marker`: a rep's "(DM)" typed into the name or title; `rule`: a rule's words in the job title. */
  kind: 'marker' | 'rule';
  /** The field it was found in. */
  field: 'name' | 'title';
  /** What matched: the marker as written ("(DM)"), or the rule's words ("VP Finance"). */
  matched: string;
  /** The whole name or title it was found in, as written. */
  text: string;
}

/**
 * The markers reps type into CRM names because the CRM's role field is empty: "Jane Doe (DM)".
 * EB (economic buyer) and ES (executive sponsor) both name the sponsor who signs.
 */
export const ROLE_MARKERS: Readonly<Record<string, BuyingRole>> = {
  DM: 'DECISION_MAKER',
  EB: 'EXECUTIVE_SPONSOR',
  ES: 'EXECUTIVE_SPONSOR',
  CH: 'CHAMPION',
};

// "(DM)", "[DM]", "( dm )", and several in one: "(DM/CH)", "(DM, CH)".
const MARKER_GROUP = /[([]\s*([a-z]{2}(?:\s*[,/&+]\s*[a-z]{2})*)\s*[)\]]/gi;

function markersIn(text: string, field: RoleSuggestion['field']): RoleSuggestion[] {
  const found: RoleSuggestion[] = [];
  for (const group of text.matchAll(MARKER_GROUP)) {
    const codes = (group[1] ?? '').split(/\s*[,/&+]\s*/).map((c) => c.toUpperCase());
    // A group with something that is no marker ("(US)", "(DM, US)") is not a rep's marker.
    if (!codes.every((c) => c in ROLE_MARKERS)) continue;
    for (const code of codes) {
      const role = ROLE_MARKERS[code] as BuyingRole;
      found.push({ role, kind: 'marker', field, matched: codes.length === 1 ? group[0] : `(${code})`, text });
    }
  }
  return found;
}

const words = (text: string): string[] => foldText(text).split(' ').filter(Boolean);

interface Hit {
  rule: number;
  role: BuyingRole;
  matched: string;
  start: number;
  end: number;
}

/** Every place a rule's phrase occurs in the title's words, as whole words. */
function ruleHits(title: readonly string[], rules: readonly RoleRule[]): Hit[] {
  const hits: Hit[] = [];
  rules.forEach((rule, index) => {
    for (const phrase of rule.words) {
      const wanted = words(phrase);
      if (wanted.length === 0) continue;
      for (let start = 0; start + wanted.length <= title.length; start++) {
        if (wanted.every((w, i) => title[start + i] === w)) {
          hits.push({ rule: index, role: rule.role, matched: phrase, start, end: start + wanted.length });
        }
      }
    }
  });
  return hits;
}

/**
 * The buyer roles a contact's title and name suggest, for the user to confirm with one click
 * (never written without it). Markers a rep typed ("(DM)", "(EB)", "(ES)", "(CH)") come first;
 * then each rule whose words appear in the title as whole words, case and accents ignored, in
 * the rules' order. A phrase inside a longer phrase of another rule yields to it: "VP Finance"
 * is a budget holder, not also a decision maker for its "VP". Roles the contact already holds
 * are not suggested; each role is suggested once.
 */
export function suggestRoles(
  person: { name?: string; title?: string; buyingRoles?: readonly BuyingRole[] },
  rules: readonly RoleRule[],
): RoleSuggestion[] {
  const suggestions: RoleSuggestion[] = [
    ...(person.name ? markersIn(person.name, 'name') : []),
    ...(person.title ? markersIn(person.title, 'title') : []),
  ];
  if (person.title) {
    const hits = ruleHits(words(person.title), rules);
    const standing = hits.filter(
      (h) =>
        !hits.some(
          (o) => o.role !== h.role && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start,
        ),
    );
    standing.sort((a, b) => a.rule - b.rule || a.start - b.start);
    for (const h of standing) {
      suggestions.push({ role: h.role, kind: 'rule', field: 'title', matched: h.matched, text: person.title });
    }
  }
  const held = new Set(person.buyingRoles ?? []);
  const seen = new Set<BuyingRole>();
  return suggestions.filter((s) => {
    if (held.has(s.role) || seen.has(s.role)) return false;
    seen.add(s.role);
    return true;
  });
}

/** Where a suggestion comes from, in words: "from the title “VP Finance”", "from “(DM)” in the name". */
export function suggestionSource(s: RoleSuggestion): string {
  return s.kind === 'marker' ? `from “${s.matched}” in the ${s.field}` : `from the title “${s.text}”`;
}
