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

  it('reports a quote never closed, naming the lines it swallowed', async () => {
    const { rows } = await readAll('a.csv', 'id,name\n1,Fine\n2,"never closed\n3,lost\n');
    expect(rows[1]).toMatchObject({ row: 3, problem: expect.stringMatching(/never closed.*lines 3–4/) });
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
    ['invalid UTF-8', new Uint8Array([0x69, 0x64, 0x0a, 0xc3, 0x28, 0x0a]), /not UTF-8/],
  ])('stops %s with a clear message', async (_name, bytes, message) => {
    const { stop } = await readAll('a.csv', bytes);
    expect(stop?.message).toMatch(message);
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
    ['broken JSON', '[{"id":1},', /not valid JSON/],
  ])('stops %s with a clear message', async (_name, text, message) => {
    const { stop } = await readAll('a.json', text);
    expect(stop?.message).toMatch(message);
  });
});
