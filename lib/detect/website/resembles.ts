import { normaliseName } from '../../keys/normalise';

/** Lower-case letters and digits only: "Post Planner" → "postplanner", "Milano Città Stato" → "milanocittastato". */
const compact = (text: string): string => normaliseName(text).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether a name (a site name, a company name, a LinkedIn slug) plausibly names the site whose
 * registrable domain, without its suffix, is `label` (`acme` for `shop.acme.co.uk`). Compared
 * squeezed, accents and legal suffixes folded: the name contains the label ("GlobeNewswire
 * News Room" on globenewswire, "Post Planner" on postplanner), or the label starts or ends with
 * a name of four characters or more ("Acme" on acmehq or getacme). A podcast title on its host
 * ("Build Your SaaS" on transistor) does not.
 */
export function resemblesDomain(name: string, label: string): boolean {
  const n = compact(name);
  const l = compact(label);
  if (!n || l.length < 3) return false;
  if (n.includes(l)) return true;
  return n.length >= 4 && (l.startsWith(n) || l.endsWith(n));
}
