import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringTable } from './string-table';

describe('StringTable', () => {
  it('finds what was set, by its exact text only', () => {
    const table = new StringTable();
    table.set('file:tp-1', 7);
    table.set('file:tp-10', 8);
    expect(table.get('file:tp-1')).toBe(7);
    expect(table.get('file:tp-10')).toBe(8);
    expect(table.get('file:tp-100')).toBeUndefined();
    expect(table.get('FILE:tp-1')).toBeUndefined();
    expect(table.get('')).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it('updates the value of a key set twice, keeping one entry', () => {
    const table = new StringTable();
    const entry = table.set('acme.com', 1);
    expect(table.set('acme.com', 0xffffffff)).toBe(entry);
    expect(table.get('acme.com')).toBe(0xffffffff);
    expect(table.size).toBe(1);
  });

  it('gives back keys outside ASCII, the empty one, and one longer than its buffers, as they were set', () => {
    const table = new StringTable();
    const keys = [
      'müller@beispiel.de',
      '名前:株式会社',
      '',
      '😀 emoji',
      'x'.repeat(100_000),
      '\0file:1',
      '\uFFFD',
      '\uFEFF123',
      '\uFEFF',
    ];
    const entries = keys.map((k, i) => table.set(k, i));
    keys.forEach((k, i) => {
      expect(table.keyAt(entries[i] as number)).toBe(k);
      expect(table.get(k)).toBe(i);
    });
  });

  it('keeps a key with a lone surrogate apart from the replacement character an encoder would write for it', () => {
    const table = new StringTable();
    table.set('file:\uFFFD', 1);
    const high = table.set('file:\uD800', 2);
    const low = table.set('file:\uDC00x', 3);
    expect(table.get('file:\uFFFD')).toBe(1);
    expect(table.get('file:\uD800')).toBe(2);
    expect(table.keyAt(high)).toBe('file:\uD800');
    expect(table.keyAt(low)).toBe('file:\uDC00x');
    expect(table.size).toBe(3);
  });

  it('keeps 200,000 keys apart as it grows, each with its own value and entry', () => {
    const table = new StringTable();
    const entries: number[] = [];
    for (let i = 0; i < 200_000; i++) entries.push(table.set(`file:tp-${i}`, i * 3));
    expect(new Set(entries).size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) {
      expect(table.get(`file:tp-${i}`)).toBe(i * 3);
      expect(table.find(`file:tp-${i}`)).toBe(entries[i]);
      expect(table.keyAt(entries[i] as number)).toBe(`file:tp-${i}`);
      expect(table.valueAt(entries[i] as number)).toBe(i * 3);
    }
    expect(table.get('file:tp-200000')).toBeUndefined();
    expect(table.size).toBe(200_000);
  });

  it('keeps keys of every length across its pages: a megabyte key, keys of 127 and 128 bytes, and small ones after them', () => {
    const table = new StringTable();
    // A record is its length (one byte below 128, two from 128), the key, its value: these
    // straddle both, and a key past a page (1 MiB) gets a page of its own.
    const keys = ['a'.repeat(127), 'b'.repeat(128), 'c'.repeat(16_383), 'd'.repeat(16_384), 'e'.repeat(3 << 20)];
    for (let i = 0; i < 70_000; i++) keys.push(`${i}@example.com`);
    keys.push('f'.repeat(1 << 20), 'last');
    const entries = keys.map((k, i) => table.set(k, 0xffffffff - i));
    keys.forEach((k, i) => {
      if (i % 101 !== 0 && i > 10 && i < keys.length - 2) return;
      expect(table.get(k)).toBe(0xffffffff - i);
      expect(table.keyAt(entries[i] as number)).toBe(k);
    });
    expect(table.get('a'.repeat(128))).toBeUndefined();
    expect(table.size).toBe(keys.length);
  });

  it('names every entry below 2^31, so that twice an entry plus one stays below 0xffffffff', () => {
    const table = new StringTable();
    let largest = 0;
    for (let i = 0; i < 100_000; i++) largest = Math.max(largest, table.set(`key-${i}`.repeat(3), i));
    expect(largest).toBeLessThan(2 ** 31);
  });

  it('answers as a Map would for any keys and values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.nat())),
        fc.array(fc.string({ unit: 'binary' })),
        (pairs, probes) => {
          const table = new StringTable();
          const map = new Map<string, number>();
          const entries = new Map<string, number>();
          for (const [k, v] of pairs) {
            entries.set(k, table.set(k, v));
            map.set(k, v);
          }
          expect(table.size).toBe(map.size);
          for (const [k, v] of map) expect(table.get(k)).toBe(v);
          for (const p of probes) expect(table.get(p)).toBe(map.get(p));
          for (const [k, entry] of entries) expect(table.keyAt(entry)).toBe(k);
        },
      ),
    );
  });
});
