import { nameKey } from '../../keys/normalise';
import type { RecordKind } from '../records';

/** Where a record came from, for "row 5 of accounts.csv already has it". */
export interface RowRef {
  file: string;
  row: number;
}

const where = (ref: RowRef) => `row ${ref.row} of ${ref.file}`;

/**
 * Where a record came from, packed in one small integer (the file's number, then its row) so
 * that an import of millions of rows does not keep an object per id: the index is most of an
 * import's memory. Refs that do not fit (a 33rd file, a row past 67 million) stay objects.
 */
const ROW_BITS = 2 ** 26;
const MAX_FILES = 32;
type PackedRef = number | RowRef;

/**
 * The id of a record as the index keys it. Ids are a source prefix, a colon and the CRM's own
 * id (`file:900000123`), and most CRM ids are integers: keeping the number instead of the
 * string saves an import millions of strings. A string key always has its colon and a number
 * never does, so the two never collide; a number stands only for the prefix it was first seen
 * with (see `IdKeys`), so `file:123` and `other:123` stay apart.
 */
type IdKey = number | string;

/** At most 15 digits, so that every such id is a safe integer. */
const MAX_DIGITS = 15;
const ZERO = 48;

/**
 * `text` as a string of its own, for keeping: the same value, sharing nothing with the text it
 * was cut from. A cell of a file is part of the chunk it was read in (V8 keeps substrings of 13
 * characters or more as slices of their parent) and an id built from one (`file:` + the cell)
 * is a pair of pointers to both, so an index that kept it would keep the chunk: one id or email
 * per chunk holds the whole file in memory. Joining two halves makes V8 write one flat string,
 * which is also the smallest (500,000 touchpoint ids: 19 MB against 33 MB as built).
 */
function detached(text: string): string {
  if (text.length < 2) return text;
  const half = text.length >> 1;
  return [text.slice(0, half), text.slice(half)].join('');
}

/** The records of one kind taken so far, by compact key. */
class IdKeys {
  readonly refs = new Map<IdKey, PackedRef>();
  /** The prefix whose integer ids are keyed by number: the first one claimed with one. */
  private prefix: string | undefined;

  /**
   * The key of `id`, as a number when it is `prefix:` then a canonical non-negative integer
   * (no leading zero, so `file:0123` keeps its string and is not `file:123`). `claiming` fixes
   * the prefix if none is yet; a lookup never does, and it need not: until a prefix is fixed no
   * id was keyed by number.
   */
  key(id: string, claiming = false): IdKey {
    const colon = id.indexOf(':');
    if (colon < 0) return id;
    const digits = id.length - colon - 1;
    if (digits < 1 || digits > MAX_DIGITS) return id;
    if (digits > 1 && id.charCodeAt(colon + 1) === ZERO) return id;
    let value = 0;
    for (let i = colon + 1; i < id.length; i++) {
      const digit = id.charCodeAt(i) - ZERO;
      if (digit < 0 || digit > 9) return id;
      value = value * 10 + digit;
    }
    if (this.prefix === undefined) {
      if (!claiming) return id;
      this.prefix = id.slice(0, colon);
    }
    return colon === this.prefix.length && id.startsWith(this.prefix) ? value : id;
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
  private readonly ids: Record<RecordKind, IdKeys> = {
    account: new IdKeys(),
    contact: new IdKeys(),
    touchpoint: new IdKeys(),
    deal: new IdKeys(),
  };
  /** The previous import's accounts and contacts that no row of this import claimed. */
  private readonly seeded: Record<'account' | 'contact', IdKeys> = { account: new IdKeys(), contact: new IdKeys() };
  /** Domain or name key → account id; null once two accounts claim it (it links nothing then). */
  private readonly accountBy = new Map<string, string | null>();
  private readonly contactByEmail = new Map<string, string | null>();

  /** How many records of a kind were taken. */
  count(kind: RecordKind): number {
    return this.ids[kind].refs.size;
  }

  /**
   * Claims `id` for a record: undefined when it is new, else the reason the row is a
   * duplicate. The first row with an id wins: later ones are reported, never merged into it.
   */
  claim(kind: RecordKind, id: string, ref: RowRef): string | undefined {
    const ids = this.ids[kind];
    const key = ids.key(id, true);
    const first = ids.refs.get(key);
    if (first !== undefined) {
      return `duplicate id ${id}: ${where(this.unpack(first))} already has it, so this row was skipped`;
    }
    ids.refs.set(typeof key === 'string' ? detached(key) : key, this.pack(ref));
    return undefined;
  }

  private pack(ref: RowRef): PackedRef {
    let index = this.files.indexOf(ref.file);
    if (index < 0 && this.files.length < MAX_FILES) index = this.files.push(ref.file) - 1;
    return index >= 0 && Number.isInteger(ref.row) && ref.row >= 0 && ref.row < ROW_BITS
      ? index * ROW_BITS + ref.row
      : ref;
  }

  private unpack(ref: PackedRef): RowRef {
    if (typeof ref !== 'number') return ref;
    return { file: this.files[Math.floor(ref / ROW_BITS)] ?? '?', row: ref % ROW_BITS };
  }

  /** Whether a row of this import claimed `id` (see claim). */
  has(kind: RecordKind, id: string): boolean {
    const ids = this.ids[kind];
    return ids.refs.has(ids.key(id));
  }

  /** Whether a record may link to `id`: claimed by this import, or seeded from the one it adds to. */
  knows(kind: 'account' | 'contact', id: string): boolean {
    const seeded = this.seeded[kind];
    return this.has(kind, id) || seeded.refs.has(seeded.key(id));
  }

  /** Whether any record of a kind is there to link to (this import's, or the previous one's). */
  knowsAny(kind: 'account' | 'contact'): boolean {
    return this.count(kind) > 0 || this.seeded[kind].refs.size > 0;
  }

  /** Whether this import adds to a previous one that had records of `kind` (for the words of a link error). */
  addsTo(kind: 'account' | 'contact'): boolean {
    return this.seeded[kind].refs.size > 0;
  }

  /**
   * Learns an account of the import this one adds to, for linking by id, domain and name. One a
   * row of this import already claimed is skipped: that row replaces it, with its own domains.
   * A domain both have links to neither (they will show as ambiguous).
   */
  seedAccount(id: string, domains: readonly string[], byName: string | undefined): void {
    if (this.has('account', id)) return;
    const seeded = this.seeded.account;
    const key = seeded.key(id, true);
    if (seeded.refs.has(key)) return;
    seeded.refs.set(typeof key === 'string' ? detached(key) : key, 0);
    const stored = detached(id);
    for (const domain of domains) this.mark(this.accountBy, `dom:${domain}`, stored);
    if (byName) this.mark(this.accountBy, byName, stored);
  }

  /** Learns a contact of the import this one adds to, for linking touchpoints by contact id and email. */
  seedContact(id: string, email: string | undefined): void {
    if (this.has('contact', id)) return;
    const seeded = this.seeded.contact;
    const key = seeded.key(id, true);
    if (seeded.refs.has(key)) return;
    seeded.refs.set(typeof key === 'string' ? detached(key) : key, 0);
    if (email) this.mark(this.contactByEmail, email.toLowerCase(), detached(id));
  }

  /**
   * Indexes an account by its domains and name (`byName`: its name key, when the caller has it)
   * for linking. Returns a warning for each domain another account of the import already has:
   * both are kept (they are different records in the CRM), and lookups will show them as
   * ambiguous. The index keeps its own copy of the id (see detached).
   */
  addAccount(id: string, domains: readonly string[], name: string, byName = nameKey(name)): string[] {
    const warnings: string[] = [];
    let stored: string | undefined;
    for (const domain of domains) {
      const other = this.accountBy.get(`dom:${domain}`);
      if (other && other !== id) {
        const accounts = this.ids.account;
        const ref = accounts.refs.get(accounts.key(other));
        warnings.push(
          `shares the domain ${domain} with ${other}${ref !== undefined ? ` (${where(this.unpack(ref))})` : ''}: both were imported, and will show as ambiguous`,
        );
      }
      stored ??= detached(id);
      this.mark(this.accountBy, `dom:${domain}`, stored);
    }
    if (byName) this.mark(this.accountBy, byName, stored ?? detached(id));
    return warnings;
  }

  addContact(id: string, email: string | undefined): void {
    if (email) this.mark(this.contactByEmail, email.toLowerCase(), detached(id));
  }

  /** The account of the import with this domain, `null` when several have it, undefined when none. */
  accountByDomain(domain: string): string | null | undefined {
    return this.accountBy.get(`dom:${domain}`);
  }

  /** The account of the import with this name (compared as company keys compare names). */
  accountByName(name: string): string | null | undefined {
    const key = nameKey(name);
    return key ? this.accountBy.get(key) : undefined;
  }

  contactByEmailAddress(email: string): string | null | undefined {
    return this.contactByEmail.get(email.toLowerCase());
  }

  /** Maps `key` to `id`, or to null once another id claims it; a new key is kept as a copy (see detached). */
  private mark(map: Map<string, string | null>, key: string, id: string): void {
    const seen = map.get(key);
    if (seen === undefined) map.set(detached(key), id);
    else if (seen !== id) map.set(key, null);
  }
}
