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
    expect(table.set('acme.com', 1)).toBe(0);
    expect(table.set('acme.com', 0xffffffff)).toBe(0);
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
    table.set('file:\uD800', 2);
    table.set('file:\uDC00x', 3);
    expect(table.get('file:\uFFFD')).toBe(1);
    expect(table.get('file:\uD800')).toBe(2);
    expect(table.keyAt(1)).toBe('file:\uD800');
    expect(table.keyAt(2)).toBe('file:\uDC00x');
    expect(table.size).toBe(3);
  });

  it('keeps 200,000 keys apart as it grows, each with its own value and entry in the order added', () => {
    const table = new StringTable();
    const misnumbered = [];
    for (let i = 0; i < 200_000; i++) if (table.set(`file:tp-${i}`, i * 3) !== i) misnumbered.push(i);
    expect(misnumbered).toEqual([]);
    for (let i = 0; i < 200_000; i += 997) {
      expect(table.get(`file:tp-${i}`)).toBe(i * 3);
      expect(table.keyAt(i)).toBe(`file:tp-${i}`);
    }
    expect(table.get('file:tp-200000')).toBeUndefined();
    expect(table.size).toBe(200_000);
  });

  it('answers as a Map would for any keys and values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary' }), fc.nat())),
        fc.array(fc.string({ unit: 'binary' })),
        (pairs, probes) => {
          const table = new StringTable();
          const map = new Map<string, number>();
          for (const [k, v] of pairs) {
            table.set(k, v);
            map.set(k, v);
          }
          expect(table.size).toBe(map.size);
          for (const [k, v] of map) expect(table.get(k)).toBe(v);
          for (const p of probes) expect(table.get(p)).toBe(map.get(p));
          [...map.keys()].forEach((k, i) => {
            expect(table.keyAt(i)).toBe(k);
          });
        },
      ),
    );
  });
});
