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
 * What an import has seen so far, to catch duplicates and conflicts and to link contacts and
 * touchpoints to accounts (and contacts) of the same import. Account files are read first, so
 * that every account is known when the first contact is linked.
 */
export class ImportIndex {
  private readonly files: string[] = [];
  private readonly ids: Record<RecordKind, Map<string, PackedRef>> = {
    account: new Map(),
    contact: new Map(),
    touchpoint: new Map(),
  };
  /** Domain or name key → account id; null once two accounts claim it (it links nothing then). */
  private readonly accountBy = new Map<string, string | null>();
  private readonly contactByEmail = new Map<string, string | null>();

  /** How many records of a kind were taken. */
  count(kind: RecordKind): number {
    return this.ids[kind].size;
  }

  /**
   * Claims `id` for a record: undefined when it is new, else the reason the row is a
   * duplicate. The first row with an id wins: later ones are reported, never merged into it.
   */
  claim(kind: RecordKind, id: string, ref: RowRef): string | undefined {
    const first = this.ids[kind].get(id);
    if (first !== undefined) {
      return `duplicate id ${id}: ${where(this.unpack(first))} already has it, so this row was skipped`;
    }
    this.ids[kind].set(id, this.pack(ref));
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

  has(kind: RecordKind, id: string): boolean {
    return this.ids[kind].has(id);
  }

  /**
   * Indexes an account by its domains and name for linking. Returns a warning for each domain
   * another account of the import already has: both are kept (they are different records in
   * the CRM), and lookups will show them as ambiguous.
   */
  addAccount(id: string, domains: readonly string[], name: string): string[] {
    const warnings: string[] = [];
    for (const domain of domains) {
      const other = this.accountBy.get(`dom:${domain}`);
      if (other && other !== id) {
        const ref = this.ids.account.get(other);
        warnings.push(
          `shares the domain ${domain} with ${other}${ref !== undefined ? ` (${where(this.unpack(ref))})` : ''}: both were imported, and will show as ambiguous`,
        );
      }
      this.mark(this.accountBy, `dom:${domain}`, id);
    }
    const byName = nameKey(name);
    if (byName) this.mark(this.accountBy, byName, id);
    return warnings;
  }

  addContact(id: string, email: string | undefined): void {
    if (email) this.mark(this.contactByEmail, email.toLowerCase(), id);
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

  private mark(map: Map<string, string | null>, key: string, id: string): void {
    const seen = map.get(key);
    if (seen === undefined) map.set(key, id);
    else if (seen !== id) map.set(key, null);
  }
}
