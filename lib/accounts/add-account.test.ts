import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TierlensDB } from '../db/db';
import type { PageSubject } from '../detect/types';
import { addAccountFromPage } from './add-account';

const subject: PageSubject = {
  site: 'linkedin',
  kind: 'company',
  url: 'https://www.linkedin.com/company/quietfield/',
  company: { name: 'Quietfield Analytics', linkedinSlug: 'quietfield', industry: 'Software' },
  evidence: [],
};
const keys = ['li:quietfield', 'name:quietfield analytics'];

describe('addAccountFromPage', () => {
  let db: TierlensDB;
  let n = 0;
  const ids = () => `id${++n}`;
  beforeEach(() => {
    db = new TierlensDB(`add-${Math.random()}`);
  });
  afterEach(() => db.delete());

  it('adds a local account found by the page’s keys, and queues it for write-back', async () => {
    await db.sourceConfig.put({
      source: 'hubspot',
      url: 'https://api.hubapi.com',
      token: 't',
      everyMinutes: 30,
      connectedAt: 0,
    });
    const { account, added } = await addAccountFromPage(db, subject, keys, 1000, ids);
    expect(added).toBe(true);
    expect(account).toMatchObject({ name: 'Quietfield Analytics', source: 'local', industry: 'Software' });
    expect(await db.accounts.where('keys').equals('li:quietfield').primaryKeys()).toEqual([account.id]);
    const [edit] = await db.outbox.toArray();
    expect(edit).toMatchObject({
      kind: 'new_account',
      entityId: account.id,
      state: 'pending',
      attempts: 0,
      base: null,
    });
  });

  it('keeps the added account here, for the edits export, when no CRM is connected to create it in', async () => {
    await addAccountFromPage(db, subject, keys, 1000, ids);
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['local']);
  });

  it('adds a company once: a second add returns the account already there and queues nothing more', async () => {
    const first = await addAccountFromPage(db, subject, keys, 1000, ids);
    const second = await addAccountFromPage(db, subject, keys, 2000, ids);
    expect(second).toEqual({ account: first.account, added: false });
    expect(await db.accounts.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('writes nothing when the outbox write fails: no account without its outbox entry', async () => {
    await db.outbox.add({
      opId: 'clash',
      kind: 'note',
      entityId: 'x',
      accountId: 'x',
      value: { text: 'n', by: 'me' },
      base: null,
      createdAt: 0,
      state: 'pending',
      attempts: 0,
    });
    let calls = 0;
    const clashing = () => (++calls === 2 ? 'clash' : `fresh${calls}`);
    await expect(addAccountFromPage(db, subject, keys, 1000, clashing)).rejects.toThrow();
    expect(await db.accounts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a page that names no company', async () => {
    await expect(addAccountFromPage(db, subject, [], 1000, ids)).rejects.toThrow(/no company/);
  });
});
