import type { Account } from '../../db/accounts';
import type { Contact } from '../../db/contacts';
import type { PushOutcome, TargetOp } from '../push/types';
import { DEFAULT_CONTACT_LINKEDIN_PROPERTY } from './properties';
import { type BatchInput, UNMARKED, WITHHELD, writeInBatches } from './push-batch';
import { goneWords, missingPropertyWords, requestFailure } from './push-errors';
import { readCurrent } from './push-read';
import { hubspotId } from './push-wire';
import { type WriteContext, writeOutcome } from './push-writes';

/** A new contact's properties: its name split in two, title, email, roles (`;`-joined, §6) and LinkedIn profile. */
export function contactProperties(contact: Contact): Record<string, string> {
  const [first = '', ...rest] = contact.name.trim().split(/\s+/);
  const props: Record<string, string> = {
    firstname: first,
    lastname: rest.join(' '),
    email: contact.email ?? '',
    jobtitle: contact.title ?? '',
    hs_buying_role: [...new Set(contact.buyingRoles)].join(';'),
    // The property the HubSpot reader takes the profile from, so that the next sync knows the person.
    [DEFAULT_CONTACT_LINKEDIN_PROPERTY]: contact.linkedinSlug
      ? `https://www.linkedin.com/in/${contact.linkedinSlug}/`
      : '',
  };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== ''));
}

/** A new account's properties: what identifies the company (§6); nothing a page alone claimed is stored to begin with. */
export function companyProperties(account: Account): Record<string, string> {
  const slug = account.linkedinSlugs[0];
  const id = account.linkedinIds[0];
  const showcase = account.linkedinShowcases?.[0];
  const school = account.linkedinSchools?.[0];
  // The one LinkedIn page HubSpot's property holds: the company's, else the page it was added from.
  const page = slug
    ? `https://www.linkedin.com/company/${slug}/`
    : id
      ? `https://www.linkedin.com/company/${id}/`
      : showcase
        ? `https://www.linkedin.com/showcase/${showcase}/`
        : school
          ? `https://www.linkedin.com/school/${school}/`
          : '';
  const props: Record<string, string> = {
    name: account.name,
    domain: account.domains[0] ?? '',
    linkedin_company_page: page,
  };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== ''));
}

const OBJECT_OF = { new_contact: 'contacts', new_account: 'companies' } as const;

/**
 * Creates contacts and accounts added in Tierlens, once: each carries its op id in the unique
 * `opIdProperty`. First a batch read by that property finds those a lost answer hid (nothing
 * is written again), then one `batch/upsert` by it creates the rest (a retry of that finds the
 * first, §4). A new contact is then associated with its company (v4 default association, a PUT:
 * doing it again changes nothing). Confirmed with the id HubSpot gave, `hubspot:<id>`.
 * `beforeWrite` comes before the upsert, and before the association of a contact the read found
 * (one created now was marked by its upsert).
 */
export async function pushCreates(
  ops: readonly TargetOp[],
  ctx: WriteContext,
  out: Map<TargetOp, PushOutcome>,
): Promise<void> {
  for (const object of ['companies', 'contacts'] as const) {
    const mine = ops.filter((op) => OBJECT_OF[op.kind as keyof typeof OBJECT_OF] === object);
    if (mine.length) await createObjects(object, mine, ctx, out);
  }
}

async function createObjects(
  object: 'companies' | 'contacts',
  ops: readonly TargetOp[],
  ctx: WriteContext,
  out: Map<TargetOp, PushOutcome>,
): Promise<void> {
  const idProperty = ctx.writeBack.opIdProperty;
  const uniqueRefusal = (message: string) =>
    /non-unique/i.test(message)
      ? `HubSpot's ${object === 'contacts' ? 'contact' : 'company'} property ${idProperty} must require unique values (Settings → Properties → ${idProperty} → Rules), so that a retried create finds the first one`
      : missingPropertyWords(object, idProperty, true, true);
  const existing = await readCurrent(
    ctx.client,
    object,
    ops.map((op) => op.opId),
    [],
    ctx.signal,
    idProperty,
  );
  const created = new Map<TargetOp, { id: string; wrote: boolean }>();
  const toCreate: TargetOp[] = [];
  for (const op of ops) {
    const found = existing.get(op.opId);
    if (found?.kind === 'found') created.set(op, { id: found.id, wrote: false });
    else if (found?.kind === 'missing') toCreate.push(op);
    else if (found?.kind === 'refused') out.set(op, { status: 'failed', error: uniqueRefusal(found.message) });
    else
      out.set(
        op,
        found?.outcome ?? {
          status: 'retry',
          error: 'HubSpot did not answer; trying again later.',
          mayHaveLanded: false,
        },
      );
  }
  const inputs = toCreate.map(
    (op): BatchInput => ({
      trace: op.opId,
      id: op.opId,
      idProperty,
      properties: {
        ...(object === 'contacts' ? contactProperties(op.value as Contact) : companyProperties(op.value as Account)),
        [idProperty]: op.opId,
      },
    }),
  );
  const opOf = new Map(toCreate.map((op) => [op.opId, op]));
  const results = await upsert(object, inputs, ctx, async (chunk) => {
    const going = new Set(
      (await ctx.hooks.beforeWrite(chunk.flatMap((i) => opOf.get(i.trace) ?? []))).map((op) => op.opId),
    );
    return chunk.filter((i) => going.has(i.trace));
  });
  for (const op of toCreate) {
    const result = results.get(op.opId);
    if (result?.kind === 'written') created.set(op, { id: result.id, wrote: true });
    else
      out.set(
        op,
        writeOutcome(result, object, op.opId, (name) => name === idProperty),
      );
  }
  for (const [op, { id, wrote }] of created) {
    const associated = object === 'contacts' ? await associate(id, op, ctx, !wrote) : undefined;
    out.set(op, associated ?? { status: 'confirmed', wrote, remoteId: `hubspot:${id}` });
  }
}

/**
 * `batch/upsert` by the op id property. A portal without the contact's LinkedIn property (its
 * name is UNVERIFIED, properties.ts) still gets the contact: those inputs go again without it
 * (already marked sent: the first request carried them).
 */
async function upsert(
  object: 'companies' | 'contacts',
  inputs: readonly BatchInput[],
  ctx: WriteContext,
  beforeSend: (inputs: readonly BatchInput[]) => Promise<BatchInput[]>,
) {
  const path = `/crm/v3/objects/${object}/batch/upsert`;
  const byValue = (result: { properties: Record<string, string | null> }) =>
    result.properties[ctx.writeBack.opIdProperty] ?? undefined;
  const results = await writeInBatches(ctx.client, path, inputs, byValue, ctx.signal, beforeSend);
  const withoutLinkedIn = inputs.filter((i) => {
    const r = results.get(i.trace);
    return r?.kind === 'refused' && r.problems.some((p) => p.name === DEFAULT_CONTACT_LINKEDIN_PROPERTY);
  });
  if (object !== 'contacts' || !withoutLinkedIn.length) return results;
  const again = withoutLinkedIn.map((i) => {
    const { [DEFAULT_CONTACT_LINKEDIN_PROPERTY]: _dropped, ...properties } = i.properties;
    return { ...i, properties };
  });
  const sent = async (chunk: readonly BatchInput[]) => [...chunk];
  for (const [trace, r] of await writeInBatches(ctx.client, path, again, byValue, ctx.signal, sent))
    results.set(trace, r);
  return results;
}

/**
 * The new contact's default association with its company (`PUT …/associations/default/…`);
 * undefined when done. `mark`: the op is not marked sent yet (the read found the contact).
 */
async function associate(
  contactId: string,
  op: TargetOp,
  ctx: WriteContext,
  mark: boolean,
): Promise<PushOutcome | undefined> {
  if (mark) {
    try {
      if (!(await ctx.hooks.beforeWrite([op])).length) return WITHHELD;
    } catch {
      return UNMARKED;
    }
  }
  const companyId = hubspotId(op.remoteAccountId);
  const path = `/crm/v4/objects/contacts/${contactId}/associations/default/companies/${companyId}`;
  try {
    const answer = await ctx.client.send('PUT', path, undefined, ctx.signal);
    if (answer.status === 200) return undefined;
    if (answer.status === 404) return { status: 'failed', error: goneWords('companies', companyId) };
    return {
      status: 'failed',
      error: `HubSpot created the contact but refused to link it to its company (HTTP ${answer.status}).`,
    };
  } catch (error) {
    // The contact exists by now: its creation landed, whatever became of the link.
    const outcome = requestFailure(error, ctx.signal, true);
    return outcome.status === 'retry' ? { ...outcome, mayHaveLanded: true } : outcome;
  }
}
