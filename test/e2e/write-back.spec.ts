import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  DEFAULT_TIERLENS_PROPERTIES,
  type HubSpotServer,
  type StoredObject,
  tierlensDefinitions,
} from '../support/hubspot-server';
import { type ServedPerson, serveLinkedIn } from './support/linkedin-site';
import type { SidePanel } from './support/side-panel';
import {
  HUBSPOT_COMPANY,
  letLoopbackThrough,
  type SeededHubSpot,
  seedHubSpot,
  startHubSpotServer,
} from './support/source-servers';
import { launchSyncBrowser, openPanel, type SyncBrowser, SyncPage } from './support/sync-page';

// The write path, end to end: edits made in the side panel on a LinkedIn profile reach the
// HubSpot-compatible test server in HubSpot's own fields, once each, through an outage and a
// browser restart, and a field another HubSpot user changed meanwhile is a conflict the user
// settles. One browser for the file (restarted once); the steps follow on from each other.
test.describe.configure({ mode: 'serial' });

const COMPANIES = 20;
const CONTACTS = 40;
/** A contact of the served company whose LinkedIn profile HubSpot knows (hs_linkedin_url). */
const ROBIN: ServedPerson = {
  slug: 'robin-buyer-synthetic',
  first: 'Robin',
  last: 'Buyer',
  headline: 'Head of Operations at Brightwave Systems',
  company: HUBSPOT_COMPANY,
};
const PROFILE_URL = `https://www.linkedin.com/in/${ROBIN.slug}/`;
const TAGS = DEFAULT_TIERLENS_PROPERTIES.tagsProperty;

let browser: SyncBrowser;
let server: HubSpotServer;
let seeded: SeededHubSpot;
let robin: StoredObject;
let panel: SidePanel;

test.beforeAll(async () => {
  server = await startHubSpotServer();
  // An admin created the properties Tierlens writes tags, proposals and notes to.
  server.data.defineProperties(tierlensDefinitions(DEFAULT_TIERLENS_PROPERTIES));
  seeded = seedHubSpot(server, COMPANIES, CONTACTS);
  [robin] = server.data.seedContacts(1, {
    companyIds: [seeded.served.id],
    props: () => ({
      firstname: ROBIN.first,
      lastname: ROBIN.last,
      jobtitle: 'Head of Operations',
      hs_buying_role: '',
      hs_linkedin_url: PROFILE_URL,
    }),
  }) as [StoredObject];
  // No owner: whoever uses Tierlens may set the tier (an owned account's tier is its owner's).
  server.data.modify('companies', seeded.served.id, { hubspot_owner_id: '' });
  browser = await launchSyncBrowser();
  await routeNetwork();
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The synthetic LinkedIn and the test server, on the current browser's context. */
async function routeNetwork(): Promise<void> {
  await serveLinkedIn(browser.context, [HUBSPOT_COMPANY], [ROBIN]);
  await letLoopbackThrough(browser.context);
}

/** Robin's profile in a tab, and the side panel following it. */
async function openProfile(): Promise<{ linkedin: Page; panel: SidePanel }> {
  const linkedin = await browser.context.newPage();
  await linkedin.goto(PROFILE_URL);
  const opened = await openPanel(browser.context, browser.extensionId, PROFILE_URL);
  await expect(opened.accountName).toHaveText(HUBSPOT_COMPANY.name);
  return { linkedin, panel: opened };
}

const company = () => server.data.get('companies', seeded.served.id)?.properties ?? {};
/** The writes the API applied to `id`'s `property` (another user's edits in HubSpot's screens aside). */
const writesOf = (type: string, id: string, property: string) =>
  server.data.writes.filter((w) => w.endpoint !== 'ui' && w.type === type && w.id === id && property in w.properties);
const editState = (region: Locator) => region.locator('.edit-state');

test('a buyer role set on a LinkedIn profile shows at once, reaches HubSpot once and then reads "in HubSpot"', async () => {
  const options = await SyncPage.open(browser.context, browser.extensionId);
  await options.connectHubSpot(server.token, server.url);
  await expect(options.hubspot.status).toContainText(`HubSpot holds ${COMPANIES} accounts, ${CONTACTS + 1} contacts`, {
    timeout: 20_000,
  });
  await options.page.close();

  ({ panel } = await openProfile());
  const onPage = panel.section('On this page');
  await expect(onPage.locator('.person-name')).toContainText(`${ROBIN.first} ${ROBIN.last}`);
  await expect(onPage).toContainText('No buyer role yet.');
  await onPage.getByRole('button', { name: /Edit roles of/ }).click();
  await onPage
    .getByRole('group', { name: /Buyer roles of/ })
    .getByRole('checkbox', { name: 'Champion' })
    .check();
  // Shown at once, before HubSpot has it.
  await expect(onPage.locator('.role-chip')).toHaveText(['Champion']);
  await expect(editState(onPage)).toBeVisible();

  await expect.poll(() => server.data.get('contacts', robin.id)?.properties.hs_buying_role).toBe('CHAMPION');
  await expect(editState(onPage)).toHaveAttribute('data-state', 'pushed');
  await expect(editState(onPage)).toContainText('in HubSpot');
  await expect(onPage.locator('.role-chip')).toHaveText(['Champion']);
  expect(writesOf('contacts', robin.id, 'hs_buying_role')).toHaveLength(1);
});

test('a tag added while HubSpot is down waits through a browser restart and is pushed once HubSpot answers', async () => {
  test.setTimeout(90_000);
  // HubSpot is unreachable: every request's connection is closed unanswered.
  server.faults.add({ kind: 'drop' }, { times: Number.POSITIVE_INFINITY });
  const failedBefore = server.requests.filter((r) => r.status === -1).length;
  const tags = panel.section('Tags');
  await tags.getByLabel('Add a tag').fill('ABM 2026');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByRole('button', { name: 'Remove tag ABM 2026' })).toBeVisible();
  // Tried, refused by the network, and waiting to be tried again, with why.
  await expect(editState(tags)).toHaveAttribute('data-state', 'pending');
  await expect(editState(tags)).toContainText('will try again');
  expect(server.requests.filter((r) => r.status === -1).length).toBeGreaterThan(failedBefore);

  await browser.restart();
  await routeNetwork();
  ({ panel } = await openProfile());
  const after = panel.section('Tags');
  await expect(after.getByRole('button', { name: 'Remove tag ABM 2026' })).toBeVisible();
  // Still unconfirmed: "waiting", or "sent" when the browser quit while a try was on its way
  // (the edit may have reached HubSpot then, so it is checked there before it is written again).
  await expect(editState(after)).toHaveAttribute('data-state', /^(pending|pushing)$/);
  await expect(editState(after).locator('.edit-word')).toHaveText(/^(waiting|sent)$/);
  // The role of the first step is still in HubSpot, and was not written again.
  await expect(editState(panel.section('On this page'))).toContainText('in HubSpot');
  expect(company()[TAGS]).toBeUndefined();

  // HubSpot answers again: the background's next try (its backoff, no click) pushes the tag.
  server.faults.clear();
  await expect.poll(() => company()[TAGS], { timeout: 45_000 }).toBe('ABM 2026');
  await expect(editState(after)).toHaveAttribute('data-state', 'pushed');
  await expect(editState(after)).toContainText('in HubSpot');
  expect(writesOf('companies', seeded.served.id, TAGS)).toHaveLength(1);
});

test("a tier another HubSpot user changed meanwhile is a conflict with both values, and 'Keep mine' writes the user's", async () => {
  const fit = panel.section('Fit and tier');
  const tier = fit.getByLabel('Your tier');
  await expect(tier).toHaveValue('1');
  // After the sync, someone changes the tier in HubSpot's own screens: the panel still shows Tier 1.
  server.data.userEdit('companies', seeded.served.id, { hs_ideal_customer_profile: 'tier_3' });
  await tier.selectOption('2');
  await expect(tier).toHaveValue('2');

  const state = editState(fit).filter({ has: panel.page.locator('.edit-conflict') });
  await expect(state).toHaveAttribute('data-state', 'conflict');
  await expect(state.locator('.edit-conflict')).toContainText('yours: Tier 2 / HubSpot: Tier 3');
  await expect(state.getByRole('button', { name: "Take HubSpot's" })).toBeVisible();
  // Nothing was written over the other user's tier.
  expect(company().hs_ideal_customer_profile).toBe('tier_3');
  expect(writesOf('companies', seeded.served.id, 'hs_ideal_customer_profile')).toHaveLength(0);

  await state.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => company().hs_ideal_customer_profile).toBe('tier_2');
  await expect(editState(fit)).toHaveAttribute('data-state', 'pushed');
  await expect(editState(fit)).toContainText('in HubSpot');
  await expect(tier).toHaveValue('2');
  expect(writesOf('companies', seeded.served.id, 'hs_ideal_customer_profile')).toHaveLength(1);
  // Every edit of the file reached HubSpot exactly once.
  expect(writesOf('contacts', robin.id, 'hs_buying_role')).toHaveLength(1);
  expect(writesOf('companies', seeded.served.id, TAGS)).toHaveLength(1);
});
