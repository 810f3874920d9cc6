import { TOUCHPOINT_TYPES } from '../../db/touchpoints';
import { nameKey } from '../../keys/normalise';
import type { RecordKind } from '../records';
import { StringTable } from './string-table';

/** Where a record came from, for "row 5 of accounts.csv already has it". */
export interface RowRef {
  file: string;
  row: number;
}

const where = (ref: RowRef) => `row ${ref.row} of ${ref.file}`;

/**
 * Where a record came from, packed in one small integer (the file's number, then its row) so
 * that an import of millions of rows does not keep an object per id. Refs that do not fit (a
 * 33rd file, a row past 67 million) are kept aside as objects, their value OVERFLOW.
 */
const ROW_BITS = 2 ** 26;
const MAX_FILES = 32;
const OVERFLOW = 0xffffffff;
/** A linking key that two records claim: it links to neither. */
const AMBIGUOUS = 0xffffffff;

/**
 * The ids of one kind of record taken so far, with where each came from, in a StringTable: most
 * of an import's memory was these ids as strings in a Map (500,000 touchpoint ids were 50 MB of
 * JS heap). Ids are a source prefix, a colon and the CRM's own id (`file:900000123`): the table
 * keeps only what follows the prefix it first saw, and any other id whole behind a NUL (which
 * a kept suffix never starts with), so `file:123` and `other:123` stay apart.
 */
class IdTable {
  readonly table = new StringTable();
  private readonly overflow = new Map<number, RowRef>();
  /** Fixed by the first id claimed; until then the table is empty. */
  private prefix: string | undefined;

  get size(): number {
    return this.table.size;
  }

  private key(id: string): string {
    const prefix = this.prefix as string;
    return id.startsWith(prefix) && id.charCodeAt(prefix.length) !== 0 ? id.slice(prefix.length) : `\0${id}`;
  }

  /** The entry of `id` (kept under `key` when given, see ImportIndex.claim), or -1. */
  find(id: string, key?: string): number {
    return this.prefix === undefined ? -1 : this.table.find(key ?? this.key(id));
  }

  /** Adds `id` (not there yet, kept under `key` when given) with its packed ref; answers its entry. */
  add(id: string, ref: number | RowRef, key?: string): number {
    if (this.prefix === undefined) this.prefix = id.slice(0, id.indexOf(':') + 1);
    const entry = this.table.set(key ?? this.key(id), typeof ref === 'number' ? ref : OVERFLOW);
    if (typeof ref !== 'number') this.overflow.set(entry, ref);
    return entry;
  }

  /** The packed ref of an entry. */
  ref(entry: number): number | RowRef {
    const value = this.table.valueAt(entry);
    return value === OVERFLOW ? (this.overflow.get(entry) as RowRef) : value;
  }

  /** The id of an entry, as given. */
  idAt(entry: number): string {
    const key = this.table.keyAt(entry);
    return key.charCodeAt(0) === 0 ? key.slice(1) : `${this.prefix}${key}`;
  }
}

/**
 * What an import has seen so far, to catch duplicates and conflicts and to link contacts and
 * touchpoints to accounts (and contacts) of the same import. Account files are read first, so
 * that every account is known when the first contact is linked.
 *
 * An import that adds to the previous one also learns that import's accounts and contacts
 * (`seedAccount`, `seedContact`): they link like the import's own, but are not claimed, so a row
 * with one of their ids is an update, not a duplicate, and `count` stays the files' own.
 */
export class ImportIndex {
  private readonly files: string[] = [];
  private readonly ids: Record<RecordKind, IdTable> = {
    account: new IdTable(),
    contact: new IdTable(),
    touchpoint: new IdTable(),
    deal: new IdTable(),
  };
  /** The previous import's accounts and contacts that no row of this import claimed. */
  private readonly seeded: Record<'account' | 'contact', IdTable> = { account: new IdTable(), contact: new IdTable() };
  /**
   * Domain or name key → the account it links to, AMBIGUOUS once two accounts claim it (it
   * links nothing then). An account is named by its entry: twice the entry in `ids.account`, or
   * twice the entry in `seeded.account` plus one.
   */
  private readonly accountBy = new StringTable();
  /** Email → the contact it links to, named as accountBy names accounts. */
  private readonly contactByEmail = new StringTable();
  /** Whether contacts are indexed by email (see withoutEmails). */
  private byEmail = true;
  /** Whether accounts are indexed by name (see withoutNames). */
  private byName = true;

  /**
   * Leaves contacts' emails out of the index, before the first contact: no file of the import
   * links touchpoints by email. At 500,000 contacts their emails are about 40 MB of the import's memory.
   */
  withoutEmails(): void {
    this.byEmail = false;
  }

  /**
   * Leaves accounts' names out of the index, before the first account: no file of the import
   * links to an account by its name. Domains stay: they link by email too, and two accounts
   * sharing one are reported. At 500,000 accounts their name keys are about 20 MB.
   */
  withoutNames(): void {
    this.byName = false;
  }

  /** How many records of a kind were taken. */
  count(kind: RecordKind): number {
    return this.ids[kind].size;
  }

  /**
   * Claims `id` for a record: undefined when it is new, else the reason the row is a
   * duplicate. The first row with an id wins: later ones are reported, never merged into it.
   */
  claim(kind: RecordKind, id: string, ref: RowRef): string | undefined {
    const ids = this.ids[kind];
    // A touchpoint's key depends on the accounts and contacts known (see touchpointKey): they must not change after.
    if ((kind === 'account' || kind === 'contact') && this.ids.touchpoint.size > 0)
      throw new Error('accounts and contacts are claimed before touchpoints');
    const key = kind === 'touchpoint' ? this.touchpointKey(id) : undefined;
    const first = ids.find(id, key);
    if (first >= 0) {
      return `duplicate id ${id}: ${where(this.unpack(ids.ref(first)))} already has it, so this row was skipped`;
    }
    ids.add(id, this.pack(ref), key);
    return undefined;
  }

  /**
   * The key a touchpoint's id is kept under, when not the id itself. An id of the form a file
   * without an id column gives (`<source>:tp:<account>:<contact>:<type>:<time>`, see
   * touchpointFromRow) is about 45 characters: at 2,500,000 touchpoints it was 120 MB of the
   * index. When its account and contact are records the index knows, it is kept as their link
   * numbers, the type's number and the time in base 36 (about 20). Read off the text alone (six
   * parts between colons, the time an integer as String writes it), so that one text always
   * has one key, and no two texts share one (the parts are read back from it through the account
   * and contact tables; IdTable.idAt does not, and nothing asks it for a touchpoint's id).
   * The accounts and contacts known must not change once touchpoints are claimed (claim and the
   * seeds refuse to): importFiles reads touchpoints last.
   */
  private touchpointKey(id: string): string | undefined {
    if (!id.includes(':tp:')) return undefined;
    const parts = id.split(':');
    if (parts.length !== 6 || parts[1] !== 'tp') return undefined;
    const [source, , account, contact, type, time] = parts as [string, string, string, string, string, string];
    const at = Number(time);
    const typeNumber = (TOUCHPOINT_TYPES as readonly string[]).indexOf(type);
    if (!account || typeNumber < 0 || !Number.isSafeInteger(at) || String(at) !== time) return undefined;
    const accountLink = this.linkOf('account', `${source}:${account}`);
    const contactLink = contact ? this.linkOf('contact', `${source}:${contact}`) : -1;
    if (accountLink === undefined || contactLink === undefined) return undefined;
    // After two NULs: no other key starts so (IdTable keeps other ids behind one NUL and their source).
    return `\0\0${accountLink.toString(36)}:${contactLink.toString(36)}:${typeNumber.toString(36)}:${at.toString(36)}`;
  }

  /** The link number of a record the index knows (as accountBy names it), or undefined. */
  private linkOf(kind: 'account' | 'contact', id: string): number | undefined {
    const claimed = this.ids[kind].find(id);
    if (claimed >= 0) return claimed * 2;
    const seeded = this.seeded[kind].find(id);
    return seeded >= 0 ? seeded * 2 + 1 : undefined;
  }

  private pack(ref: RowRef): number | RowRef {
    let index = this.files.indexOf(ref.file);
    if (index < 0 && this.files.length < MAX_FILES) index = this.files.push(ref.file) - 1;
    return index >= 0 && Number.isInteger(ref.row) && ref.row >= 0 && ref.row < ROW_BITS
      ? index * ROW_BITS + ref.row
      : ref;
  }

  private unpack(ref: number | RowRef): RowRef {
    if (typeof ref !== 'number') return ref;
    return { file: this.files[Math.floor(ref / ROW_BITS)] ?? '?', row: ref % ROW_BITS };
  }

  /** Whether a row of this import claimed `id` (see claim). */
  has(kind: RecordKind, id: string): boolean {
    return this.ids[kind].find(id, kind === 'touchpoint' ? this.touchpointKey(id) : undefined) >= 0;
  }

  /** Whether a record may link to `id`: claimed by this import, or seeded from the one it adds to. */
  knows(kind: 'account' | 'contact', id: string): boolean {
    return this.has(kind, id) || this.seeded[kind].find(id) >= 0;
  }

  /** Whether any record of a kind is there to link to (this import's, or the previous one's). */
  knowsAny(kind: 'account' | 'contact'): boolean {
    return this.count(kind) > 0 || this.seeded[kind].size > 0;
  }

  /** Whether this import adds to a previous one that had records of `kind` (for the words of a link error). */
  addsTo(kind: 'account' | 'contact'): boolean {
    return this.seeded[kind].size > 0;
  }

  /**
   * Learns an account of the import this one adds to, for linking by id, domain and name. One a
   * row of this import already claimed is skipped: that row replaces it, with its own domains.
   * A domain both have links to neither (they will show as ambiguous).
   */
  seedAccount(id: string, domains: readonly string[], byName: string | undefined): void {
    if (this.ids.touchpoint.size > 0) throw new Error('accounts and contacts are learnt before touchpoints');
    if (this.has('account', id)) return;
    const seeded = this.seeded.account;
    if (seeded.find(id) >= 0) return;
    const link = seeded.add(id, 0) * 2 + 1;
    for (const domain of domains) this.mark('account', `dom:${domain}`, link);
    if (byName && this.byName) this.mark('account', byName, link);
  }

  /** Learns a contact of the import this one adds to, for linking touchpoints by contact id and email. */
  seedContact(id: string, email: string | undefined): void {
    if (this.ids.touchpoint.size > 0) throw new Error('accounts and contacts are learnt before touchpoints');
    if (this.has('contact', id)) return;
    const seeded = this.seeded.contact;
    if (seeded.find(id) >= 0) return;
    const link = seeded.add(id, 0) * 2 + 1;
    if (email && this.byEmail) this.mark('contact', email.toLowerCase(), link);
  }

  /**
   * Indexes an account, claimed already, by its domains and name (`byName`: its name key, when
   * the caller has it) for linking. Returns a warning for each domain another account of the
   * import already has: both are kept (they are different records in the CRM), and lookups will
   * show them as ambiguous.
   */
  addAccount(id: string, domains: readonly string[], name: string, byName = nameKey(name)): string[] {
    const warnings: string[] = [];
    const link = this.ids.account.find(id) * 2;
    if (link < 0) return warnings;
    for (const domain of domains) {
      const other = this.accountBy.get(`dom:${domain}`);
      if (other !== undefined && other !== AMBIGUOUS && this.linked('account', other) !== id) {
        const claimed = other % 2 === 0;
        const ref = claimed ? ` (${where(this.unpack(this.ids.account.ref(other / 2)))})` : '';
        warnings.push(
          `shares the domain ${domain} with ${this.linked('account', other)}${ref}: both were imported, and will show as ambiguous`,
        );
      }
      this.mark('account', `dom:${domain}`, link);
    }
    if (byName && this.byName) this.mark('account', byName, link);
    return warnings;
  }

  /** Indexes a contact, claimed already, by its email for linking touchpoints. */
  addContact(id: string, email: string | undefined): void {
    const entry = this.ids.contact.find(id);
    if (email && this.byEmail && entry >= 0) this.mark('contact', email.toLowerCase(), entry * 2);
  }

  /** The account of the import with this domain, `null` when several have it, undefined when none. */
  accountByDomain(domain: string): string | null | undefined {
    return this.linked('account', this.accountBy.get(`dom:${domain}`));
  }

  /** The account of the import with this name (compared as company keys compare names). */
  accountByName(name: string): string | null | undefined {
    // Not an answer to give by mistake: "no account has it" would report a good row as bad.
    if (!this.byName) throw new Error('accounts were not indexed by name: no file of the import was to link by name');
    const key = nameKey(name);
    return key ? this.linked('account', this.accountBy.get(key)) : undefined;
  }

  /** The contact of the import with this email, `null` when several have it, undefined when none. */
  contactByEmailAddress(email: string): string | null | undefined {
    // Not an answer to give by mistake: "no contact has it" would link the touchpoint to none.
    if (!this.byEmail)
      throw new Error('contacts were not indexed by email: no file of the import was to link by email');
    return this.linked('contact', this.contactByEmail.get(email.toLowerCase()));
  }

  /**
   * Maps `key` to `link`, or to AMBIGUOUS once a link to another record claims it (a row of this
   * import that replaces a seeded record is the same record).
   */
  private mark(kind: 'account' | 'contact', key: string, link: number): void {
    const table = kind === 'account' ? this.accountBy : this.contactByEmail;
    const seen = table.get(key);
    if (seen === undefined) table.set(key, link);
    else if (seen !== link && seen !== AMBIGUOUS && this.linked(kind, seen) !== this.linked(kind, link)) {
      table.set(key, AMBIGUOUS);
    }
  }

  /** The id a link names (see accountBy). */
  private linked(kind: 'account' | 'contact', link: number | undefined): string | null | undefined {
    if (link === undefined) return undefined;
    if (link === AMBIGUOUS) return null;
    const table = link % 2 === 0 ? this.ids[kind] : this.seeded[kind];
    return table.idAt(Math.floor(link / 2));
  }
}
