import { normaliseSlug, safeDecode } from '../../../keys/normalise';
import { queryAll, queryFirst } from '../../dom';
import { jsonLdItems, pageJsonEntities } from '../json';
import { matchLinkedInUrl } from '../urls';
import { companyPageSelectors as S } from './selectors';

/** One statement a page makes about which company it shows. */
export interface PageFact {
  from: 'page-json' | 'json-ld' | 'dom';
  slug?: string;
  id?: string;
  name?: string;
  website?: string;
  detail: string;
}

const ORG_URN = /^urn:li:(?:organization|fsd_company|company):(\d+)$/;

/** The canonical link's slug or id (logged-out pages). */
function canonicalFact(doc: Document): PageFact | undefined {
  const href = queryFirst(doc, S.canonical)?.getAttribute('href');
  const match = href ? matchLinkedInUrl(href) : undefined;
  if (match?.kind !== 'company') return undefined;
  return { from: 'dom', slug: match.slug, id: match.id, detail: `canonical link ${href}` };
}

/** The JSON-LD Organization whose `url` is a LinkedIn company page (logged-out pages). */
function jsonLdFacts(doc: Document): PageFact[] {
  const facts: PageFact[] = [];
  for (const item of jsonLdItems(doc, S.jsonLd)) {
    if (item['@type'] !== 'Organization' || typeof item.url !== 'string') continue;
    const match = matchLinkedInUrl(item.url);
    if (match?.kind !== 'company') continue;
    const sameAs = [item.sameAs].flat().find((u): u is string => typeof u === 'string' && /^https?:/.test(u));
    facts.push({
      from: 'json-ld',
      slug: match.slug,
      id: match.id,
      name: typeof item.name === 'string' ? item.name : undefined,
      website: sameAs,
      detail: `JSON-LD Organization ${item.url}`,
    });
  }
  return facts;
}

/** The organization URNs on the page's own controls; only one distinct id is a usable fact. */
function organizationUrnFact(doc: Document): PageFact | undefined {
  const ids = new Set<string>();
  for (const el of queryAll(doc, S.organizationUrn)) {
    const id = ORG_URN.exec(el.getAttribute('data-semaphore-content-urn') ?? '')?.[1];
    if (id) ids.add(id);
  }
  if (ids.size !== 1) return undefined;
  const [id] = ids;
  return { from: 'dom', id, detail: `organization URN urn:li:organization:${id}` };
}

/** Company entities in the logged-in page JSON: each `universalName` with its company URN. */
function pageJsonFacts(doc: Document): PageFact[] {
  const facts: PageFact[] = [];
  for (const entity of pageJsonEntities(doc, S.pageJson, '"universalName"')) {
    if (typeof entity.universalName !== 'string') continue;
    const id = typeof entity.entityUrn === 'string' ? ORG_URN.exec(entity.entityUrn)?.[1] : undefined;
    const website = [entity.websiteUrl, entity.companyPageUrl].find((u): u is string => typeof u === 'string');
    facts.push({
      from: 'page-json',
      slug: normaliseSlug(entity.universalName),
      id,
      name: typeof entity.name === 'string' ? entity.name : undefined,
      website,
      detail: `page JSON company ${entity.universalName}${id ? ` (${id})` : ''}`,
    });
  }
  return facts;
}

/** Every fact the page states about its company, strongest sources first. */
export function readPageFacts(doc: Document): PageFact[] {
  return [canonicalFact(doc), organizationUrnFact(doc), ...jsonLdFacts(doc), ...pageJsonFacts(doc)].filter(
    (f): f is PageFact => f !== undefined,
  );
}

/** The website link of the about section, unwrapped from LinkedIn's `/redir/redirect?url=` hop. */
export function readWebsite(doc: Document): string | undefined {
  const href = queryFirst(doc, S.website)?.getAttribute('href');
  if (!href) return undefined;
  try {
    const url = new URL(href, 'https://www.linkedin.com');
    const wrapped = url.pathname.startsWith('/redir/redirect') ? url.searchParams.get('url') : null;
    // The redirector percent-encodes even the dots (`www%2Eaudiense%2Ecom`); searchParams decodes once.
    return wrapped ? safeDecode(wrapped) : url.href;
  } catch {
    return undefined;
  }
}
