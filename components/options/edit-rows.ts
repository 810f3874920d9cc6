import type { Contact } from '@/lib/db/contacts';
import type { TierlensDB } from '@/lib/db/db';
import { dataView } from '@/lib/db/generations';
import type { LocalEdit, PushState } from '@/lib/db/outbox';

/** One edit as the Edits list shows it: with the names of its account and contact. */
export interface EditRow {
  edit: LocalEdit;
  accountName: string;
  /** For a contact's roles: whose. */
  contactName?: string;
}

export interface EditRows {
  rows: EditRow[];
  /** Every edit in the outbox. */
  total: number;
  /** Edits in each state, over the whole outbox. */
  counts: Record<PushState, number>;
}

const STATES: readonly PushState[] = ['pending', 'pushing', 'pushed', 'failed', 'conflict', 'local', 'discarded'];

/** Looks each id up in the database that holds it, one bulk read per database. */
async function namesOf(
  ids: readonly string[],
  dbOf: (id: string) => TierlensDB,
  table: 'accounts' | 'contacts',
): Promise<Map<string, string>> {
  const groups = new Map<TierlensDB, string[]>();
  for (const id of ids) {
    const db = dbOf(id);
    const list = groups.get(db);
    if (list) list.push(id);
    else groups.set(db, [id]);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...groups].map(async ([db, list]) => {
      const rows = await db[table].bulkGet(list);
      rows.forEach((row, i) => {
        if (row) names.set(list[i] as string, row.name);
      });
    }),
  );
  return names;
}

/**
 * The newest `limit` edits, newest first, each with the name of its account and (for roles)
 * its contact: from the visible data, else from the edit that created the record here, else the id.
 */
export async function loadEditRows(main: TierlensDB, limit: number): Promise<EditRows> {
  const [edits, total, stateCounts] = await Promise.all([
    main.outbox.orderBy('createdAt').reverse().limit(limit).toArray(),
    main.outbox.count(),
    Promise.all(STATES.map((s) => main.outbox.where('state').equals(s).count())),
  ]);
  const view = await dataView(main);
  const accountIds = [...new Set(edits.map((e) => e.accountId))];
  const contactIds = [...new Set(edits.filter((e) => e.kind === 'buying_roles').map((e) => e.entityId))];
  const created = await main.outbox
    .where('entityId')
    .anyOf([...accountIds, ...contactIds])
    .filter((e) => e.kind === 'new_account' || e.kind === 'new_contact')
    .toArray();
  const createdNames = new Map(created.map((e) => [e.entityId, (e.value as Contact).name]));
  const [accounts, contacts] = await Promise.all([
    namesOf(accountIds, view.forId, 'accounts'),
    namesOf(contactIds, view.forId, 'contacts'),
  ]);
  const name = (names: Map<string, string>, id: string) => names.get(id) ?? createdNames.get(id) ?? id;
  return {
    rows: edits.map((edit) => ({
      edit,
      accountName: name(accounts, edit.accountId),
      ...(edit.kind === 'buying_roles' ? { contactName: name(contacts, edit.entityId) } : {}),
    })),
    total,
    counts: Object.fromEntries(STATES.map((s, i) => [s, stateCounts[i] ?? 0])) as Record<PushState, number>,
  };
}
