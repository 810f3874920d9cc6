import { describe, expect, it } from 'vitest';
import { previewFile } from './preview';
import { fixtureFile, memoryFile } from './test-files';

describe('previewFile', () => {
  it("counts each kind a file of Tierlens's own records holds, its first kind the file's, and nothing for others", async () => {
    const line = (kind: string, id: string) => JSON.stringify({ kind, record: { id: `file:${id}`, name: id } });
    const text = [line('account', '1'), line('account', '2'), line('contact', 'c1'), line('deal', 'd1')].join('\n');
    const preview = await previewFile(memoryFile('records.ndjson', text, 16));
    expect(preview).toMatchObject({ format: 'ndjson', kind: 'account', problems: [] });
    expect(preview.records).toEqual([
      { kind: 'account', count: 2 },
      { kind: 'contact', count: 1 },
      { kind: 'deal', count: 1 },
    ]);
    expect((await previewFile(memoryFile('plain.ndjson', '{"id":"1","name":"Acme"}\n'))).records).toBeUndefined();
  });

  it('shows the format, kind and each column with its field and samples', async () => {
    const preview = await previewFile(fixtureFile('salesforce-report.csv'));
    expect(preview).toMatchObject({
      name: 'salesforce-report.csv',
      format: 'csv',
      delimiter: ',',
      kind: 'account',
      problems: [],
    });
    expect(preview.columns.find((c) => c.header === 'Account Name')).toEqual({
      header: 'Account Name',
      index: 2,
      field: 'name',
      samples: ['Cyberdyne Systems', 'Tyrell Corp'],
    });
    const state = preview.columns.find((c) => c.header === 'Billing State/Province');
    expect(state?.field).toBeUndefined();
    expect(state?.note).toMatch(/not a country/);
  });

  it('says that a file not in UTF-8 is read as Windows-1252, and still finds its kind', async () => {
    const text = 'Account Name;Billing Country\r\nMüller GmbH;Deutschland\r\n';
    const preview = await previewFile(
      memoryFile(
        'a.csv',
        Uint8Array.from(text, (c) => c.charCodeAt(0)),
      ),
    );
    expect(preview.kind).toBe('account');
    expect(preview.columns[0]?.samples).toEqual(['Müller GmbH']);
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 0, severity: 'warning', reason: expect.stringMatching(/read as Windows-1252/) }),
    ]);
  });

  it('reads only the first rows of a big file', async () => {
    let pulled = 0;
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},Company ${i}`).join('\n');
    const file = memoryFile('big.csv', `id,name\n${rows}\n`, 1024);
    const preview = await previewFile({
      ...file,
      stream: () =>
        file.stream().pipeThrough(
          new TransformStream({
            transform: (c, ctl) => {
              pulled += 1;
              ctl.enqueue(c);
            },
          }),
        ),
    });
    expect(preview.columns[1]?.samples).toEqual(['Company 0', 'Company 1', 'Company 2']);
    expect(pulled).toBeLessThan(20);
  });

  it('reports a file whose columns it does not recognise', async () => {
    const preview = await previewFile(memoryFile('x.csv', 'Foo;Bar\n1;2\n'));
    expect(preview).toMatchObject({
      delimiter: ';',
      kind: undefined,
      problems: [{ row: 0, reason: expect.stringMatching(/no recognisable column/) }],
    });
  });
});

describe('the preview of a HubSpot deals export', () => {
  it('says deals, with the columns mapped', async () => {
    const preview = await previewFile(fixtureFile('hubspot-deals.csv'));
    expect(preview.kind).toBe('deal');
    expect(preview.columns.find((c) => c.header === 'Deal Stage')).toMatchObject({ field: 'stage' });
    expect(preview.columns.find((c) => c.header === 'Associated Company IDs')).toMatchObject({ field: 'accountIds' });
  });
});
