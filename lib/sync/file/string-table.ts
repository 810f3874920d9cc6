/**
 * A map from strings to unsigned 32-bit values, kept in typed arrays: the keys' UTF-8 bytes one
 * after another in one buffer, and an open-addressing hash table (linear probing) of entry
 * numbers (no hash is kept: growing rehashes the bytes). Exact: a key is found only by comparing
 * its bytes. Arrays grow by half, not double, so less of them sits unused. An import of millions
 * of rows keeps every id, domain and email it has seen (see ImportIndex); as strings in Maps they
 * were most of its JS heap.
 *
 * Entries are numbered from 0 in the order they were added, and never removed; `keyAt` gives an
 * entry's key back, so that a value may name another entry instead of holding a string.
 */
const encoder = new TextEncoder();
// A key may start with U+FEFF: it is the key's, not a byte-order mark to drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Marks a key kept as UTF-16 (see encode): 0xFF is never a byte of UTF-8. */
const UTF16_MARK = 0xff;
/** Slots grow when they are this full: linear probing stays short below it. */
const MAX_LOAD = 0.7;

export class StringTable {
  private slots = new Uint32Array(1024);
  private values = new Uint32Array(256);
  /** Entry e's key is bytes[starts[e], starts[e + 1]). */
  private starts = new Uint32Array(257);
  private bytes = new Uint8Array(4096);
  private scratch = new Uint8Array(256);
  private length = 0;
  size = 0;

  /** The entry number of `key`, or -1. */
  find(key: string): number {
    const n = this.encode(key);
    return this.lookup(hash(this.scratch, 0, n), n);
  }

  get(key: string): number | undefined {
    const entry = this.find(key);
    return entry < 0 ? undefined : this.values[entry];
  }

  /** The value of an entry (see find). */
  valueAt(entry: number): number {
    return this.values[entry] as number;
  }

  /** The key of an entry, as a string of its own. */
  keyAt(entry: number): string {
    const bytes = this.bytes.subarray(this.starts[entry], this.starts[entry + 1]);
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
      this.values[found] = value;
      return found;
    }
    if ((this.size + 1) / this.slots.length > MAX_LOAD) this.rehash(Math.ceil(this.slots.length * 1.5));
    const entry = this.size++;
    if (entry >= this.values.length) this.growEntries();
    if (this.length + n > this.bytes.length) this.bytes = grown(this.bytes, this.length + n);
    this.bytes.set(this.scratch.subarray(0, n), this.length);
    this.length += n;
    this.values[entry] = value;
    this.starts[entry + 1] = this.length;
    this.slots[freeSlot(this.slots, h)] = entry + 1;
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

  private lookup(h: number, n: number): number {
    const count = this.slots.length;
    for (let slot = home(h, count); ; slot = slot + 1 === count ? 0 : slot + 1) {
      const held = this.slots[slot] as number;
      if (held === 0) return -1;
      const entry = held - 1;
      if (this.sameBytes(entry, n)) return entry;
    }
  }

  private sameBytes(entry: number, n: number): boolean {
    const start = this.starts[entry] as number;
    if ((this.starts[entry + 1] as number) - start !== n) return false;
    for (let i = 0; i < n; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private rehash(slotCount: number): void {
    const slots = new Uint32Array(slotCount);
    for (let entry = 0; entry < this.size; entry++) {
      const h = hash(this.bytes, this.starts[entry] as number, this.starts[entry + 1] as number);
      slots[freeSlot(slots, h)] = entry + 1;
    }
    this.slots = slots;
  }

  private growEntries(): void {
    this.values = grown(this.values, this.values.length + 1);
    this.starts = grown(this.starts, this.values.length + 1);
  }
}

/** The slot a hash starts probing at, out of `count`: its place in [0, count) scaled, not a power of two's mask. */
const home = (h: number, count: number) => Math.floor((h / 4_294_967_296) * count);

/** The first free slot from a hash's home on (linear probing, wrapping at the end). */
function freeSlot(slots: Uint32Array, h: number): number {
  let slot = home(h, slots.length);
  while (slots[slot] !== 0) slot = slot + 1 === slots.length ? 0 : slot + 1;
  return slot;
}

/** FNV-1a over bytes[start, end), mixed so that the low bits (the slot) depend on all of them. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * A copy of `array` with room for at least `count` items: half as many again as it had, or
 * more. Growing by half, not double, leaves less room unused (a third at most, against half).
 */
function grown<T extends Uint8Array | Uint32Array>(array: T, count: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(count, Math.ceil(array.length * 1.5)));
  bigger.set(array);
  return bigger;
}
