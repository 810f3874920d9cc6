import { queryEach } from '../dom';
import { boundedTexts, JSON_LD_LIMITS } from '../json-text';
import { websiteSelectors as S } from './selectors';

/** A JSON object as JSON-LD holds it. */
export type JsonNode = Record<string, unknown>;

/** schema.org types that are an organization: Organization and the subtypes sites commonly write. */
const ORGANIZATION_TYPES = new Set([
  'Organization',
  'Corporation',
  'OnlineBusiness',
  'OnlineStore',
  'LocalBusiness',
  'ProfessionalService',
  'Store',
  'NewsMediaOrganization',
  'EducationalOrganization',
  'GovernmentOrganization',
  'MedicalOrganization',
  'NGO',
  'SportsOrganization',
  'ResearchOrganization',
  'Airline',
  'Consortium',
]);

export const isRecord = (value: unknown): value is JsonNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A node's types, without a schema.org prefix (`https://schema.org/Organization` → `Organization`). */
const typesOf = (node: JsonNode): string[] =>
  [node['@type']].flat().flatMap((t) => (typeof t === 'string' ? [t.replace(/^.*[/:#]/, '')] : []));

export const isOrganization = (node: JsonNode): boolean => typesOf(node).some((t) => ORGANIZATION_TYPES.has(t));

/** The most JSON-LD nodes read from one page: a site's own Organization is among its first. */
export const MAX_JSON_LD_NODES = 1000;

/**
 * Every JSON-LD block's top-level and `@graph` nodes, the first MAX_JSON_LD_NODES of them. The
 * blocks are read within JSON_LD_LIMITS (a longer one is skipped unread); a block that is not
 * valid JSON is skipped.
 */
export function readJsonLdNodes(doc: Document): JsonNode[] {
  const nodes: JsonNode[] = [];
  const add = (value: unknown) => {
    if (isRecord(value) && nodes.length < MAX_JSON_LD_NODES) nodes.push(value);
  };
  for (const text of boundedTexts(queryEach(doc, S.jsonLd), JSON_LD_LIMITS)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? data : [data]) {
      if (nodes.length >= MAX_JSON_LD_NODES) return nodes;
      add(item);
      const graph = isRecord(item) && Array.isArray(item['@graph']) ? item['@graph'] : [];
      for (let i = 0; i < graph.length && nodes.length < MAX_JSON_LD_NODES; i++) add(graph[i]);
    }
  }
  return nodes;
}

/** An absolute http(s) URL from a JSON-LD value, resolved against the page; undefined otherwise. */
function urlOf(value: unknown, pageUrl: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value, pageUrl);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where an Organization node says it lives: its `url`, or its `@id` when it has no `url` and the
 * `@id` is an absolute URL (a relative or blank-node id names nothing on the web).
 */
export function organizationHome(node: JsonNode, pageUrl: string): string | undefined {
  if (node.url !== undefined) return urlOf(node.url, pageUrl);
  const id = node['@id'];
  return typeof id === 'string' && /^https?:\/\//i.test(id) ? urlOf(id, pageUrl) : undefined;
}

/**
 * The Organization nodes that may describe the site itself: those at top level or in `@graph`,
 * and the `publisher` of any of those nodes (a WebSite's, a WebPage's, an Article's), with
 * `@id` references resolved. Nodes reached through `about`, `mentions`, `author` or anything
 * else are an article's subjects and people, and are never looked at.
 */
export function organizationCandidates(nodes: readonly JsonNode[]): JsonNode[] {
  const byId = new Map<string, JsonNode>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (node: JsonNode): JsonNode => {
    const ref = node['@id'];
    const full = typeof ref === 'string' ? byId.get(ref) : undefined;
    return full && Object.keys(node).length === 1 ? full : node;
  };
  const found = new Set<JsonNode>();
  for (const node of nodes) {
    if (isOrganization(node)) found.add(node);
    for (const publisher of [node.publisher].flat()) {
      if (!isRecord(publisher)) continue;
      const org = resolve(publisher);
      if (isOrganization(org)) found.add(org);
    }
  }
  return [...found];
}
