import { describe, expect, it } from 'vitest';
import { type RawRow, readTable, type TableBatch } from './table';
import { memoryFile } from './test-files';
import { FileStop } from './text';

/** Every batch of a file, its rows joined, or the FileStop that ended it. */
async function readAll(name: string, content: string | Uint8Array | Uint8Array[], chunkSize?: number) {
  const file = memoryFile(name, content, chunkSize);
  const rows: RawRow[] = [];
  let last: TableBatch | undefined;
  let stop: FileStop | undefined;
  try {
    for await (const batch of readTable(name, file.stream())) {
      rows.push(...batch.rows);
      last = batch;
    }
  } catch (error) {
    if (!(error instanceof FileStop)) throw error;
    stop = error;
  }
  return { rows, headers: last?.headers, format: last?.format, delimiter: last?.delimiter, stop };
}

const QUOTED = 'id,name,notes\r\n1,"Acme, Inc.","line one\r\nline two"\r\n2,"Say ""hi""",plain\r\n3,Last,"x"\r\n';

describe('reading CSV', () => {
  it('reads quoted cells with delimiters, escaped quotes and line breaks inside (RFC 4180)', async () => {
    const { rows, headers } = await readAll('a.csv', QUOTED);
    expect(headers).toEqual(['id', 'name', 'notes']);
    expect(rows.map((r) => [r.row, ...r.cells])).toEqual([
      [2, '1', 'Acme, Inc.', 'line one\r\nline two'],
      [3, '2', 'Say "hi"', 'plain'],
      [4, '3', 'Last', 'x'],
    ]);
  });

  it('reads the same rows whatever byte a chunk boundary falls on: inside quotes, inside CRLF', async () => {
    const whole = await readAll('a.csv', QUOTED);
    const bytes = new TextEncoder().encode(QUOTED);
    for (let cut = 1; cut < bytes.length; cut++) {
      const split = await readAll('a.csv', [bytes.slice(0, cut), bytes.slice(cut)]);
      expect(split.rows, `cut at byte ${cut}`).toEqual(whole.rows);
    }
    const oneByteChunks = await readAll('a.csv', QUOTED, 1);
    expect(oneByteChunks.rows).toEqual(whole.rows);
  });

  it('keeps a multi-byte character whole when a chunk boundary cuts it', async () => {
    const { rows } = await readAll('a.csv', 'id,name\n1,Müller Société\n', 1);
    expect(rows[0]?.cells).toEqual(['1', 'Müller Société']);
  });

  it.each([
    ['comma', 'id,name,country\n1,Acme,US\n', ','],
    ['semicolon', 'id;name;revenue\n1;Acme;1.200,50\n', ';'],
    ['tab', 'id\tname\tcountry\n1\tAcme, Inc.\tUS\n', '\t'],
  ])('detects a %s delimiter and reports it', async (_name, text, delimiter) => {
    const { delimiter: found, rows } = await readAll('a.csv', text);
    expect(found).toBe(delimiter);
    expect(rows[0]?.cells).toHaveLength(3);
  });

  it("takes the delimiter from Excel's sep= first line, which is no row", async () => {
    const { headers, rows, delimiter } = await readAll('a.csv', 'sep=;\r\nName;Revenue\r\nAcme, Inc.;1.200\r\n');
    expect(delimiter).toBe(';');
    expect(headers).toEqual(['Name', 'Revenue']);
    expect(rows).toEqual([{ row: 2, cells: ['Acme, Inc.', '1.200'], problem: undefined }]);
  });

  it('drops the byte-order mark, so the first header is read as written', async () => {
    const { headers } = await readAll('a.csv', '\ufeffRecord ID,Company name\n1,Acme\n');
    expect(headers).toEqual(['Record ID', 'Company name']);
  });

  it('reports malformed quotes with the row number, and does not merge the rows after them', async () => {
    const { rows } = await readAll('a.csv', 'id,name\n1,"Bad "quoted" text"\n2,Fine\n');
    expect(rows.map((r) => [r.row, r.problem !== undefined])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(rows[0]?.problem).toMatch(/malformed quotes/);
  });

  it('reads a line whose quote is never closed alone, as a bad row, and the lines after it as rows', async () => {
    const { rows } = await readAll('a.csv', 'id,name\n1,Fine\n2,"never closed\n3,kept\n');
    expect(rows.map((r) => [r.row, r.cells[0], r.problem])).toEqual([
      [2, '1', undefined],
      [
        3,
        '2',
        expect.stringMatching(
          /^malformed quotes: a quote opened in this row is never closed; this line was read alone/,
        ),
      ],
      [4, '3', undefined],
    ]);
  });

  it('keeps every row after a stray quote in a large file: only its own line is bad', async () => {
    // `"Acme" Holdings`: a quoted cell with text after its closing quote, and no other quote in
    // the file. Read as RFC 4180 says, its cell runs on to the end of the file.
    const lines = Array.from({ length: 40_000 }, (_, i) =>
      i === 1 ? '2,"Acme" Holdings,acmeh.com' : `${i + 1},Company ${i + 1},c${i + 1}.com`,
    );
    const { rows, stop } = await readAll('a.csv', `id,name,domain\n${lines.join('\n')}\n`, 64 * 1024);
    expect(stop).toBeUndefined();
    expect(rows).toHaveLength(40_000);
    expect(rows.filter((r) => r.problem).map((r) => [r.row, r.cells])).toEqual([
      [3, ['2', '"Acme" Holdings', 'acmeh.com']],
    ]);
    expect(rows[1]?.problem).toMatch(/text after its closing quote; this line was read alone/);
    expect(rows.at(-1)?.cells).toEqual(['40000', 'Company 40000', 'c40000.com']);
  });

  it('keeps the rows between a stray quote and the next quote of the file', async () => {
    const text = 'id,name,notes\n1,Alpha,x\n2,"Gam"ma,y\n3,Delta,z\n4,Eps,"quoted, fine"\n5,Zeta,w\n';
    const { rows } = await readAll('a.csv', text);
    expect(rows.map((r) => [r.row, r.cells[1], r.problem !== undefined])).toEqual([
      [2, 'Alpha', false],
      [3, '"Gam"ma', true],
      [4, 'Delta', false],
      [5, 'Eps', false],
      [6, 'Zeta', false],
    ]);
    expect(rows[3]?.cells[2]).toBe('quoted, fine');
    // Whatever byte a chunk boundary falls on.
    const bytes = new TextEncoder().encode(text.replaceAll('\n', '\r\n'));
    const whole = await readAll('a.csv', bytes);
    for (let cut = 1; cut < bytes.length; cut++) {
      const split = await readAll('a.csv', [bytes.slice(0, cut), bytes.slice(cut)]);
      expect(split.rows, `cut at byte ${cut}`).toEqual(whole.rows);
    }
  });

  it('keeps a cell over two lines with a bad quote inside it as one bad row, and imports no piece of it', async () => {
    // The cell opens at `"Acme`, has a stray quote pair inside, and closes at `line"` before the
    // delimiter: read on its own, `second line",1` would look like a row.
    const text = 'id,name,n\n1,"Acme "Holdings" Ltd\nsecond line",1\n2,Fine,x\n';
    const { rows } = await readAll('a.csv', text);
    expect(rows.map((r) => [r.row, r.cells])).toEqual([
      [2, ['1', 'Acme "Holdings" Ltd\nsecond line', '1']],
      [3, ['2', 'Fine', 'x']],
    ]);
    expect(rows[0]?.problem).toMatch(
      /^malformed quotes: a quoted cell has text after its closing quote \(it runs over lines 2–3 of the file\)$/,
    );
    expect(rows[1]?.problem).toBeUndefined();
    const bytes = new TextEncoder().encode(text.replaceAll('\n', '\r\n'));
    const whole = await readAll('a.csv', bytes);
    expect(whole.rows.map((r) => r.row)).toEqual([2, 3]);
    for (let cut = 1; cut < bytes.length; cut++) {
      const split = await readAll('a.csv', [bytes.slice(0, cut), bytes.slice(cut)]);
      expect(split.rows, `cut at byte ${cut}`).toEqual(whole.rows);
    }
  });

  it.each([
    ['an inch mark closing a cell', 'name,price\n"Monitor" 24,100\nTV 55",200\nRadio,30\n', ['TV 55"', '200']],
    [
      'a quoted word after a space',
      'name,city\n"Acme" Inc,Berlin\nBeta, "Munich"\nGamma,Rome\n',
      ['Beta', ' "Munich"'],
    ],
  ])(
    'keeps the row after a stray quote whole when %s ends the cell Papa reads on, and it has the header’s cells',
    async (_what, text, cells) => {
      const { rows } = await readAll('a.csv', text);
      expect(rows.map((r) => [r.row, r.problem !== undefined])).toEqual([
        [2, true],
        [3, false],
        [4, false],
      ]);
      expect(rows[1]?.cells).toEqual(cells);
    },
  );

  it('reads past a quote inside an unquoted cell (5" screen) to the row that shows a stray quote ran on', async () => {
    const text = 'id,name,d\n1,"Acme" Holdings,a\n2,Widget 5" screen,b\n3,"Gamma",g\n';
    const { rows } = await readAll('a.csv', text);
    expect(rows.map((r) => [r.row, r.cells, r.problem !== undefined])).toEqual([
      [2, ['1', '"Acme" Holdings', 'a'], true],
      [3, ['2', 'Widget 5" screen', 'b'], false],
      [4, ['3', 'Gamma', 'g'], false],
    ]);
  });

  it('reads a file whose every line has a stray quote in linear time, every line a bad row of its own', async () => {
    // Read as RFC 4180 says, the first line's cell would run to the end of the file.
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i + 1},"Acme" Holdings ${i},x`);
    const { rows, stop } = await readAll('a.csv', `id,name,d\n${lines.join('\n')}\n`, 64 * 1024);
    expect(stop).toBeUndefined();
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r) => r.problem?.includes('this line was read alone'))).toBe(true);
    expect(rows.at(-1)?.cells).toEqual(['20000', '"Acme" Holdings 19999', 'x']);
  });

  it('reads a long quoted cell over many lines whole after a stray quote, and every row after broken lines', async () => {
    const notes = Array.from({ length: 300 }, (_, i) => `note line ${i}, with "quotes"`).join('\n');
    const broken = Array.from({ length: 500 }, (_, i) => `${i + 10},"Acme" Holdings ${i},x`);
    const text = `id,name,notes\n1,"Bad" one,x\n2,Long,"${notes.replaceAll('"', '""')}"\n${broken.join('\n')}\n3,Last,y\n`;
    const { rows } = await readAll('a.csv', text, 64 * 1024);
    expect(rows).toHaveLength(503);
    expect(rows[1]?.cells).toEqual(['2', 'Long', notes]);
    expect(rows.filter((r) => r.problem).length).toBe(501);
    expect(rows.at(-1)?.cells).toEqual(['3', 'Last', 'y']);
  });

  it('reads a line whose quote is never closed alone even when the rest of the file is over 1 MB', async () => {
    const lines = Array.from(
      { length: 30_000 },
      (_, i) => `${i + 3},Company ${i + 3} with a longer name,c${i + 3}.com`,
    );
    const text = `id,name,domain\n1,Fine,fine.com\n2,"Never closed,nc.com\n${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(1_100_000);
    const { rows, stop } = await readAll('a.csv', text, 64 * 1024);
    expect(stop).toBeUndefined();
    expect(rows).toHaveLength(30_002);
    expect(rows.filter((r) => r.problem).map((r) => r.row)).toEqual([3]);
    expect(rows[1]?.problem).toMatch(/never closed; this line was read alone/);
    expect(rows.at(-1)?.cells[0]).toBe('30002');
  });

  it('counts blank lines as rows, as a spreadsheet shows them, without importing them', async () => {
    const { rows } = await readAll('a.csv', 'id,name\n\n2,Acme\n');
    expect(rows.map((r) => r.row)).toEqual([3]);
  });

  it('stops a 10 MB line without a line break, and says so', async () => {
    const { rows, stop } = await readAll('a.csv', `id,name\n1,Acme\n2,${'x'.repeat(10 * 1024 * 1024)}`);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(stop?.message).toMatch(/row 3 is longer than 1 MB/);
  });

  it('stops a 10 MB file that is one line, headers included', async () => {
    const { stop } = await readAll('a.csv', 'x'.repeat(10 * 1024 * 1024));
    expect(stop?.message).toMatch(/first line is longer than 1 MB/);
  });

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a file with NUL bytes', new Uint8Array([0x69, 0x64, 0x00, 0x01, 0x0a]), /NUL bytes/],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel workbook/],
    [
      'UTF-8 text that stops being UTF-8',
      new Uint8Array([...new TextEncoder().encode('id\nMüller\n'), 0xc3, 0x28, 0x0a]),
      /UTF-8 text in part only \(it turns invalid before byte 14\)/,
    ],
  ])('stops %s with a clear message', async (_name, bytes, message) => {
    const { stop } = await readAll('a.csv', bytes);
    expect(stop?.message).toMatch(message);
  });
});

describe('a CSV saved by Excel in Windows-1252', () => {
  // "Müller GmbH;Köln;Ärger AG" as Excel's "CSV (semicolon)" writes it in Western Europe: one byte a letter.
  const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const file = latin1('Name;Stadt\r\nMüller GmbH;Köln\r\nÄrger AG;Zürich\r\n');

  it('is read as Windows-1252, and the batches say so', async () => {
    const batches: TableBatch[] = [];
    for await (const batch of readTable('a.csv', memoryFile('a.csv', file).stream())) batches.push(batch);
    expect(batches.flatMap((b) => b.rows.map((r) => r.cells))).toEqual([
      ['Müller GmbH', 'Köln'],
      ['Ärger AG', 'Zürich'],
    ]);
    expect(batches.at(-1)?.encoding).toBe('windows-1252');
  });

  it('reads the same whatever byte a chunk boundary falls on, a letter UTF-8 would wait on included', async () => {
    const whole = await readAll('a.csv', file);
    // 0xC4 (Ä) opens a two-byte sequence in UTF-8: a decoder holds it back until the next chunk.
    expect(file.indexOf(0xc4)).toBeGreaterThan(0);
    for (let cut = 1; cut < file.length; cut++) {
      const split = await readAll('a.csv', [file.slice(0, cut), file.slice(cut)]);
      expect(split.rows, `cut at byte ${cut}`).toEqual(whole.rows);
    }
  });

  it('is read as Windows-1252 when a capital letter stands before a quote, which happens to be a UTF-8 pair', async () => {
    // Windows-1252: É is C9, » is BB, ’ is 92; "É»" (C9 BB) and "É’" (C9 92) are well-formed UTF-8 pairs too.
    const cp1252: Record<string, number> = { '’': 0x92, '€': 0x80 };
    const bytes = Uint8Array.from(
      'Name;Stadt\r\n«SOCIÉTÉ» Générale;Paris\r\nCAFÉ’S;Lyon\r\n',
      (c) => cp1252[c] ?? c.charCodeAt(0),
    );
    const { rows, stop } = await readAll('a.csv', bytes);
    expect(stop).toBeUndefined();
    expect(rows.map((r) => r.cells)).toEqual([
      ['«SOCIÉTÉ» Générale', 'Paris'],
      ['CAFÉ’S', 'Lyon'],
    ]);
  });

  it.each(['Café', '£1,200', 'Brașov'])(
    'is refused when UTF-8 text (%s) and a Windows-1252 letter share a file',
    async (utf8Text) => {
      const utf8 = new TextEncoder().encode(`id\n${utf8Text}\n`);
      const { stop } = await readAll('a.csv', new Uint8Array([...utf8, ...latin1('Caf\u00e9\n')]));
      expect(stop?.message).toMatch(/UTF-8 text in part only/);
    },
  );

  it('is not taken for Windows-1252 when it starts with a UTF-8 byte-order mark', async () => {
    const { stop } = await readAll('a.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...latin1('id\nMüller\n')]));
    expect(stop?.message).toMatch(/UTF-8 text in part only/);
  });
});

describe('reading JSON and NDJSON', () => {
  it('reads an array of objects, lists joined by ;', async () => {
    const { format, headers, rows } = await readAll(
      'a.json',
      '[{"id":1,"name":"Acme","technologies":["A","B"]},{"id":2,"isTarget":true}]',
    );
    expect(format).toBe('json');
    expect(headers).toEqual(['id', 'name', 'technologies', 'isTarget']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', 'Acme', 'A;B'],
      ['2', '', '', 'true'],
    ]);
  });

  it("reads HubSpot's {results:[…]} with properties and company associations", async () => {
    const api = {
      results: [
        {
          id: '101',
          properties: { firstname: 'Jane', email: 'jane@acme.com', hs_object_id: null },
          associations: {
            companies: {
              results: [
                { id: '9', type: 'contact_to_company_unlabeled' },
                { id: '7', type: 'contact_to_company' },
              ],
            },
          },
        },
      ],
    };
    const { rows, headers } = await readAll('contacts.json', JSON.stringify(api));
    const cell = (h: string) => rows[0]?.cells[headers?.indexOf(h) ?? -1];
    expect([cell('hs_object_id'), cell('associatedcompanyid'), cell('Associated Company IDs')]).toEqual([
      '101',
      '7',
      '9;7',
    ]);
  });

  it('reads NDJSON a line at a time: a line that is not JSON is a bad row at its line number', async () => {
    const { format, rows } = await readAll('a.ndjson', '{"id":"1"}\n\nnot json\n{"id":"4"}\n', 3);
    expect(format).toBe('ndjson');
    expect(rows.map((r) => [r.row, r.problem === undefined])).toEqual([
      [1, true],
      [3, false],
      [4, true],
    ]);
  });

  it.each([
    ['a JSON object that is no list', '{"name":"Acme"}', /neither a list/],
    ['broken JSON', '{"results": [{"id":1},', /not valid JSON/],
  ])('stops %s with a clear message', async (_name, text, message) => {
    const { stop } = await readAll('a.json', text);
    expect(stop?.message).toMatch(message);
  });

  it('streams a long list a record at a time: each batch holds the records its chunk completed', async () => {
    const records = Array.from({ length: 30_000 }, (_, i) => ({
      id: i + 1,
      name: `Company ${i + 1}`,
      domain: `c${i}.com`,
    }));
    const text = JSON.stringify(records, null, 2);
    const batches: TableBatch[] = [];
    for await (const batch of readTable('a.json', memoryFile('a.json', text, 64 * 1024).stream())) batches.push(batch);
    const rows = batches.flatMap((b) => b.rows);
    expect(batches.length).toBeGreaterThan(30);
    expect(batches[0]?.rows.length).toBeLessThan(2_000);
    expect(rows).toHaveLength(30_000);
    expect(rows.every((r, i) => r.row === i + 1 && r.problem === undefined)).toBe(true);
    expect(rows.at(-1)?.cells).toEqual(['30000', 'Company 30000', 'c29999.com']);
  });

  it('reads a broken record of a list as a bad row, and the records around it, wherever a chunk ends', async () => {
    // Strings hold what would end a record outside them: brackets, commas, escaped quotes.
    const text = '[{"id":1,"n":"a, ] } [ {"},\n {"id":2,,"n":"x"},\n {"id":3,"n":"say \\"hi\\", ok"}},\n {"id":4}]\n';
    const whole = await readAll('a.json', text);
    expect(whole.stop).toBeUndefined();
    expect(whole.rows.map((r) => [r.row, r.cells, r.problem?.replace(/ \(.*/, '')])).toEqual([
      [1, ['1', 'a, ] } [ {'], undefined],
      [2, [], 'this record is not valid JSON'],
      [3, [], 'this record is not valid JSON'],
      [4, ['4', ''], undefined],
    ]);
    for (let size = 1; size < 12; size++) {
      const split = await readAll('a.json', text, size);
      expect(split.rows, `chunks of ${size} bytes`).toEqual(whole.rows);
    }
  });

  it.each([
    [
      'a list cut short',
      '[{"id":1},{"id":2},{"id"',
      /ends before its list of records is closed with "\]": it may be cut short; 2 records were read/,
      2,
    ],
    ['text after the list', '[{"id":1}]\n{"id":2}', /goes on after its list of records ends/, 1],
    [
      'a record never closed, past 1 MB',
      `[{"id":1},{"id":2,"n":"${'x'.repeat(1_100_000)}`,
      /record 2 is longer than 1 MB/,
      1,
    ],
  ])('reads the records before %s, then stops with a clear message', async (_name, text, message, read) => {
    const { rows, stop } = await readAll('a.json', text, 64 * 1024);
    expect(rows.filter((r) => !r.problem)).toHaveLength(read);
    expect(stop?.message).toMatch(message);
  });

  it('reports a comma with nothing after it, which JSON does not allow, and reads the rest', async () => {
    const { rows, stop } = await readAll('a.json', '[{"id":1},\n]');
    expect(stop).toBeUndefined();
    expect(rows.map((r) => [r.row, r.problem])).toEqual([
      [1, undefined],
      [2, 'an empty place between two commas, or between a comma and "]" (not valid JSON): nothing to read'],
    ]);
  });
});
