/**
 * A map from strings to unsigned 32-bit values, kept in typed arrays: an import of millions of
 * rows keeps every id, domain and email it has seen (see ImportIndex), and as strings in Maps
 * they were most of its JS heap. Exact: a key is found only by comparing its bytes.
 *
 * Each entry is one record in pages of bytes: its key's length (a varint), the key's UTF-8
 * bytes, then its value (4 bytes). An entry is named by where its record starts (its page's
 * number times PAGE_BYTES, plus its offset there), so no array maps entry numbers to records.
 * Pages are filled one after the other and never copied once full, so the table holds about
 * what its keys need, not up to half as much again, and growing never holds a copy beside the
 * original. The hash table (linear probing; no hash is kept: growing rehashes the bytes) is
 * split in SHARDS by the hash's low bits, each growing on its own: a rehash holds a sixty-
 * fourth of the slots twice, not all of them.
 *
 * Entries are never removed; `keyAt` gives an entry's key back, so that a value may name
 * another entry instead of holding a string.
 */
const encoder = new TextEncoder();
// A key may start with U+FEFF: it is the key's, not a byte-order mark to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Marks a key kept as UTF-16 (see encode): 0xFF is never a byte of UTF-8. */
const UTF16_MARK = 0xff;
/** A shard's slots grow when they are this full: linear probing stays short below it. */
const MAX_LOAD = 0.7;
/**
 * How much a shard's slots grow by. Half again, not double: fewer sit empty. Not less: each
 * growth leaves the old slots as garbage until the next collection, and the heap counts them.
 */
const SLOT_GROWTH = 1.5;
const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
/** The size of a full page, and the stride of entry numbers (see above). */
const PAGE_BYTES = 1 << 20;
/** The first page's size: a small table stays small; the last page doubles until PAGE_BYTES. */
const FIRST_PAGE_BYTES = 1 << 10;
/** Entries are below 2^31, so that a caller may double one and add one (see ImportIndex). */
const MAX_ENTRY = 2 ** 31 - 1;
const VALUE_BYTES = 4;

export class StringTable {
  /** Per shard: entry + 1, or 0 for a free slot. */
  private readonly slots: Uint32Array[] = Array.from({ length: SHARDS }, () => new Uint32Array(8));
  private readonly used = new Uint32Array(SHARDS);
  private readonly pages: Uint8Array[] = [new Uint8Array(FIRST_PAGE_BYTES)];
  /** Bytes used in the last page. */
  private fill = 0;
  private scratch = new Uint8Array(256);
  /** Set by locate. */
  private readonly at = { start: 0, end: 0 };
  size = 0;

  /** The entry number of `key`, or -1. */
  find(key: string): number {
    const n = this.encode(key);
    return this.lookup(hash(this.scratch, 0, n), n);
  }

  get(key: string): number | undefined {
    const entry = this.find(key);
    return entry < 0 ? undefined : this.valueAt(entry);
  }

  /** The value of an entry (see find). */
  valueAt(entry: number): number {
    const page = this.locate(entry);
    const v = this.at.end;
    return (
      ((page[v] as number) |
        ((page[v + 1] as number) << 8) |
        ((page[v + 2] as number) << 16) |
        ((page[v + 3] as number) << 24)) >>>
      0
    );
  }

  /** The key of an entry, as a string of its own. */
  keyAt(entry: number): string {
    const page = this.locate(entry);
    const bytes = page.subarray(this.at.start, this.at.end);
    if (bytes[0] !== UTF16_MARK) return decoder.decode(bytes);
    let text = '';
    for (let i = 1; i < bytes.length; i += 2)
      text += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
    return text;
  }

  /** Sets the value of `key`, adding it when new; answers its entry number. */
  set(key: string, value: number): number {
    const n = this.encode(key);
    const h = hash(this.scratch, 0, n);
    const found = this.lookup(h, n);
    if (found >= 0) {
      putValue(this.locate(found), this.at.end, value);
      return found;
    }
    const shard = h & (SHARDS - 1);
    if ((this.used[shard] as number) + 1 > (this.slots[shard] as Uint32Array).length * MAX_LOAD) this.rehash(shard);
    const entry = this.append(n, value);
    const slots = this.slots[shard] as Uint32Array;
    slots[freeSlot(slots, h)] = entry + 1;
    this.used[shard] = (this.used[shard] as number) + 1;
    this.size++;
    return entry;
  }

  /**
   * `key`'s UTF-8 bytes into the scratch buffer; answers how many. A key with a lone surrogate
   * (JSON may escape one) has no UTF-8 of its own — the encoder would write U+FFFD, the same as
   * for a real U+FFFD — so it is kept as UTF16_MARK and its UTF-16 code units instead: that byte
   * never starts UTF-8.
   */
  private encode(key: string): number {
    // A UTF-16 code unit is at most 3 bytes of UTF-8, or 2 bytes after the mark.
    if (key.length * 3 + 1 > this.scratch.length) this.scratch = new Uint8Array(key.length * 3 + 1);
    if (key.isWellFormed()) return encoder.encodeInto(key, this.scratch).written;
    this.scratch[0] = UTF16_MARK;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      this.scratch[1 + 2 * i] = unit >> 8;
      this.scratch[2 + 2 * i] = unit & 0xff;
    }
    return 1 + 2 * key.length;
  }

  /** Writes a record for the n bytes in scratch and their value; answers its entry. */
  private append(n: number, value: number): number {
    const size = varintSize(n) + n + VALUE_BYTES;
    let last = this.pages.length - 1;
    let page = this.pages[last] as Uint8Array;
    if (this.fill + size > page.length) {
      if (page.length < PAGE_BYTES && this.fill + size <= PAGE_BYTES) {
        // The last page is still small: it doubles (a copy of at most PAGE_BYTES / 2).
        let bigger = page.length * 2;
        while (bigger < this.fill + size) bigger *= 2;
        const grown = new Uint8Array(bigger);
        grown.set(page.subarray(0, this.fill));
        page = grown;
        this.pages[last] = page;
      } else {
        // A record longer than a page has a page of its own (its entry numbers' stride is still PAGE_BYTES).
        page = new Uint8Array(Math.max(PAGE_BYTES, size));
        last = this.pages.push(page) - 1;
        this.fill = 0;
      }
    }
    const entry = last * PAGE_BYTES + this.fill;
    if (entry > MAX_ENTRY) throw new RangeError('too many keys for one import');
    let at = this.fill;
    for (let rest = n; ; rest >>>= 7) {
      if (rest < 0x80) {
        page[at++] = rest;
        break;
      }
      page[at++] = (rest & 0x7f) | 0x80;
    }
    page.set(this.scratch.subarray(0, n), at);
    putValue(page, at + n, value);
    // A page past its record's end takes the next record; one that cannot hold another stays as it is.
    this.fill = at + n + VALUE_BYTES;
    return entry;
  }

  /** Finds an entry's record: its page, and its key's bytes' start and end there, in `at` (no object per call). */
  private locate(entry: number): Uint8Array {
    const page = this.pages[Math.floor(entry / PAGE_BYTES)] as Uint8Array;
    let i = entry % PAGE_BYTES;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = page[i++] as number;
      length += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    this.at.start = i;
    this.at.end = i + length;
    return page;
  }

  private lookup(h: number, n: number): number {
    const slots = this.slots[h & (SHARDS - 1)] as Uint32Array;
    const count = slots.length;
    for (let slot = home(h, count); ; slot = slot + 1 === count ? 0 : slot + 1) {
      const held = slots[slot] as number;
      if (held === 0) return -1;
      if (this.sameBytes(held - 1, n)) return held - 1;
    }
  }

  private sameBytes(entry: number, n: number): boolean {
    const page = this.pages[Math.floor(entry / PAGE_BYTES)] as Uint8Array;
    let i = entry % PAGE_BYTES;
    // The common case, a key under 128 bytes: its length is one byte.
    const first = page[i] as number;
    if (first < 0x80) {
      if (first !== n) return false;
      i += 1;
    } else {
      this.locate(entry);
      if (this.at.end - this.at.start !== n) return false;
      i = this.at.start;
    }
    const scratch = this.scratch;
    for (let k = 0; k < n; k++) if (page[i + k] !== scratch[k]) return false;
    return true;
  }

  /** Grows one shard's slots, rehashing only the entries it holds. */
  private rehash(shard: number): void {
    const old = this.slots[shard] as Uint32Array;
    const slots = new Uint32Array(Math.ceil(old.length * SLOT_GROWTH));
    for (const held of old) {
      if (held === 0) continue;
      const page = this.locate(held - 1);
      slots[freeSlot(slots, hash(page, this.at.start, this.at.end))] = held;
    }
    this.slots[shard] = slots;
  }
}

/** Writes a value (little-endian) at `at`. */
function putValue(page: Uint8Array, at: number, value: number): void {
  page[at] = value & 0xff;
  page[at + 1] = (value >>> 8) & 0xff;
  page[at + 2] = (value >>> 16) & 0xff;
  page[at + 3] = value >>> 24;
}

/** How many bytes append's varint writes for a key of n bytes (7 bits a byte). */
function varintSize(n: number): number {
  let size = 1;
  for (let rest = n; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

/** The slot a hash starts probing at, out of `count`: the bits above the shard's, scaled to [0, count). */
const home = (h: number, count: number) => Math.floor(((h >>> SHARD_BITS) / 2 ** (32 - SHARD_BITS)) * count);

/** The first free slot from a hash's home on (linear probing, wrapping at the end). */
function freeSlot(slots: Uint32Array, h: number): number {
  let slot = home(h, slots.length);
  while (slots[slot] !== 0) slot = slot + 1 === slots.length ? 0 : slot + 1;
  return slot;
}

/** FNV-1a over bytes[start, end), mixed so that the low bits (the shard) and the high bits (the slot) depend on all of them. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
