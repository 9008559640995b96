// The web front end end to end: a real `casechain serve`, headless Chromium.
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {newPage, startBrowser} from './browser.mjs';
import {assertAccessible, assertNoConsoleProblems, assertNoPersonalData, logInThroughForm, logOutThroughButton,
  screenshot} from './helpers.mjs';
import {addReport, call, password, policeReport, startServer, tokenOf, users} from './server.mjs';

let server, browser;
const tokens = {};

before(async () => {
  server = await startServer();
  browser = await startBrowser(server);
  for (const name of ['police', 'triage1', 'manager', 'coordinator']) tokens[name] = await tokenOf(server, name);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A report decided through the API and its case given to the manager: the case id.
async function caseThroughApi(ref, overrides = {}) {
  const report = await addReport(server, tokens.police, policeReport(ref, overrides));
  const decided = await call(server, 'POST', `/api/v1/reports/${report.id}/decision`,
    {body: {track: 2, reason: report.triage.track === 2 ? undefined : 'the team sees a chain case'}, token: tokens.triage1});
  assert.equal(decided.status, 200);
  const id = decided.json.case;
  const me = await call(server, 'GET', '/api/v1/me', {token: tokens.manager});
  const assigned = await call(server, 'POST', `/api/v1/cases/${id}/case-manager`, {body: {user: me.json.id}, token: tokens.coordinator});
  assert.equal(assigned.status, 200);
  return id;
}

async function organisationId(name) {
  const orgs = await call(server, 'GET', '/api/v1/organisations', {token: await tokenOf(server, 'admin')});
  return orgs.json.organisations.find((o) => o.name === name).id;
}

const screensOfRole = {
  triage1: ['triage'],
  manager: ['desk'],
  police: ['partner'],
  prosecutor: ['partner'],
  social: ['partner'],
  coordinator: ['desk', 'figures'],
  auditor: ['figures', 'audit'],
  admin: ['admin'],
};

describe('the web front end', () => {
  test('serves the page with a strict CSP and no inline script', async () => {
    const answer = await call(server, 'GET', '/');
    assert.equal(answer.status, 200);
    assert.match(answer.headers['content-type'], /^text\/html/);
    assert.doesNotMatch(answer.text, /<script(?![^>]*\ssrc=)[^>]*>/);  // every script is a file
    const csp = answer.headers['content-security-policy'];
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  test('every role logs in, sees only its own screens, and logs out', async () => {
    for (const [username, expected] of Object.entries(screensOfRole)) {
      const page = await newPage(browser);
      await logInThroughForm(page, server, username);
      const shown = await page.locator('#nav a').evaluateAll((links) => links.map((a) => a.dataset.screen));
      assert.deepEqual(shown.sort(), [...expected].sort(), username);
      await page.locator('#view h1').first().waitFor();
      for (const screen of expected) {
        await page.locator(`#nav a[data-screen="${screen}"]`).click();
        await page.locator(`#view[data-screen="${screen}"]`).waitFor();
        await page.locator('#view h1').waitFor();
        await page.waitForFunction(() => !document.querySelector('#view')?.textContent.includes('Loading…'));
        await assertAccessible(page, `${username} ${screen}`);
        await screenshot(page, `${screen}-${username}`);
      }
      // A screen of another role is not shown: the hash falls back to the user's own first screen.
      const foreign = expected.includes('admin') ? 'triage' : 'admin';
      await page.evaluate((name) => { location.hash = `#/${name}`; }, foreign);
      await page.locator(`#view[data-screen="${expected[0]}"]`).waitFor();
      await assertNoPersonalData(page);
      await logOutThroughButton(page);
      assertNoConsoleProblems(page);
      await page.close();
    }
  });

  test('the log-in form says so when the password is wrong, and every field has a label', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/`);
    await page.getByLabel('User name').fill('manager');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', {name: 'Log in'}).click();
    await page.locator('#login-message', {hasText: 'not right'}).waitFor();
    await assertAccessible(page, 'log-in');
    await screenshot(page, 'login');
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('keyboard only: a triage member works through the queue, with a reason when differing and four eyes to lower', async () => {
    const proposed = await addReport(server, tokens.police, policeReport('E2E.KEY.1',
      {reported_at: '2026-01-01T08:00:00Z'}));
    const raised = await addReport(server, tokens.police, policeReport('E2E.KEY.2', {reported_at: '2026-01-01T09:00:00Z'}));
    const lowered = await addReport(server, tokens.police, policeReport('E2E.KEY.3', {
      reported_at: '2026-01-01T10:00:00Z',
      measures: {restraining_order: {from: '2026-01-01', until: '2026-01-15'}, arrest: false, red_file: false},
    }));
    assert.equal(lowered.triage.track, 3);
    const page = await newPage(browser);
    await page.goto(`${server.url}/`);
    await page.locator('#username:focus').waitFor();
    await page.keyboard.type('triage1');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');

    // The oldest report first, with its proposal, fired rules and highlighted narrative words.
    await page.locator('#report-title', {hasText: 'E2E.KEY.1'}).waitFor();
    assert.equal(await page.locator('#report-title').evaluate((el) => el === document.activeElement), true);
    // "gewurgd" counts for strangulation; "geen wapen" is a negated weapon, marked as such.
    await page.locator('.narrative mark.hit', {hasText: 'gewurgd'}).waitFor();
    await page.locator('.narrative mark.negated', {hasText: 'wapen'}).waitFor();
    await page.locator('.cues li', {hasText: 'strangulation'}).waitFor();
    await assertAccessible(page, 'triage desk');
    await screenshot(page, 'triage-desk');
    await page.keyboard.press(String(proposed.triage.track));
    await page.locator('#status', {hasText: /case \d+ is opened/}).waitFor();

    // A different track needs a reason: the key opens the reason field, Enter decides.
    await page.locator('#report-title', {hasText: 'E2E.KEY.2'}).waitFor();
    const higher = raised.triage.track === 3 ? 2 : 3;
    await page.keyboard.press(String(higher));
    await page.locator('#reason:focus').waitFor();
    await assertAccessible(page, 'triage reason');
    await page.keyboard.type('children witnessed it');
    await page.keyboard.press('Enter');
    await page.locator('#status', {hasText: /case \d+ is opened/}).waitFor();

    // Lowering needs a second team member.
    await page.locator('#report-title', {hasText: 'E2E.KEY.3'}).waitFor();
    await page.keyboard.press('2');
    await page.locator('#reason:focus').waitFor();
    await page.keyboard.type('the order was lifted');
    await page.keyboard.press('Enter');
    await page.locator('#status', {hasText: 'second team member'}).waitFor();
    await assertNoPersonalData(page);
    assertNoConsoleProblems(page);
    await page.close();

    const second = await newPage(browser);
    await logInThroughForm(second, server, 'triage2');
    await second.locator('#report-title', {hasText: 'E2E.KEY.3'}).waitFor();
    await second.locator('#confirm').waitFor();
    await screenshot(second, 'triage-confirm');
    await second.keyboard.press('c');
    await second.locator('#status', {hasText: /case \d+ is opened/}).waitFor();
    const decision = await call(server, 'GET', `/api/v1/reports/${lowered.id}`, {token: tokens.triage1});
    assert.equal(decision.json.decision.track, 2);
    assert.equal(decision.json.decision.awaiting_confirmation, false);
    await second.locator('#report-title', {hasText: 'No report'}).waitFor();
    assertNoConsoleProblems(second);
    await second.close();
  });

  test('the case manager moves a case along the chain and sees a refused transition\'s guards', async () => {
    const id = await caseThroughApi('E2E.CHAIN.1');
    const caw = await organisationId('CAW');
    assert.equal((await call(server, 'POST', `/api/v1/cases/${id}/members`, {body: {organisation: caw}, token: tokens.manager})).status, 204);
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'manager');
    await page.locator(`a[href="#/cases/${id}"]`).click();
    await page.locator('.chain li[aria-current="step"]', {hasText: 'intake'}).waitFor();
    await page.locator('button[data-step="file"]').click();
    await page.locator('#transition-message li[data-guard="criteria_confirmed"]').waitFor();
    await assertAccessible(page, 'case page');
    await screenshot(page, 'case-refused');
    await page.getByLabel('Milestone', {exact: true}).selectOption('criteria_confirmed');
    await page.getByRole('button', {name: 'Record'}).click();
    await page.locator('#status', {hasText: 'Recorded.'}).waitFor();
    await page.locator('button[data-step="file"]').click();
    await page.locator('.chain li[aria-current="step"]', {hasText: 'file'}).waitFor();
    await page.locator('.case-timeline li', {hasText: 'moved to the next step'}).waitFor();
    // A round table through its form lets the case on to assessment.
    await page.getByLabel('Decisions').fill('CAW offers support; police follows up');
    assert.equal(await page.locator(`#participant-${caw}`).isChecked(), true);  // the members, ticked by default
    await page.locator('form[aria-labelledby="meeting-form-title"] button').click();
    await page.locator('.case-meetings li', {hasText: 'CAW offers support'}).waitFor();
    await page.locator('button[data-step="assessment"]').click();
    await page.locator('.chain li[aria-current="step"]', {hasText: 'assessment'}).waitFor();
    // A screening and a goal of the plan, then on to assignment.
    await page.getByLabel('housing').fill('3');
    await page.getByLabel('safety').fill('4');
    await page.locator('form[aria-labelledby="screening-form-title"] button').click();
    await page.locator('.case-screenings li', {hasText: 'housing 3/4'}).waitFor();
    await page.getByLabel('Goal', {exact: true}).fill('a safe home');
    await page.locator('form[aria-labelledby="goal-form-title"] button').click();
    await page.locator('.case-plan li', {hasText: 'a safe home'}).waitFor();
    await page.locator('button[data-step="assignment"]').click();
    await page.locator('.chain li[aria-current="step"]', {hasText: 'assignment'}).waitFor();
    await assertAccessible(page, 'case page with its work');
    await screenshot(page, 'case-moved');
    await assertNoPersonalData(page);
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('the case manager admits a partner and plans an intervention with an owner; the partner reports on it', async () => {
    const id = await caseThroughApi('E2E.PLAN.1');
    const victim = (await call(server, 'GET', `/api/v1/cases/${id}`, {token: tokens.manager})).json.family.find((p) => p.role === 'victim');
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'manager');
    await page.evaluate((caseId) => { location.hash = `#/cases/${caseId}`; }, id);
    await page.locator('.chain li[aria-current="step"]', {hasText: 'intake'}).waitFor();
    // The consultation, by name.
    await page.locator('#admit-organisation').selectOption({label: 'CAW'});
    await page.locator('form[data-form="admit"] button').click();
    await page.locator('.case-members li', {hasText: 'CAW'}).waitFor();
    // Consents, recorded on the page: the victim's safe address for CAW; a second one revoked.
    const victimName = `${victim.first_name} ${victim.last_name}`;
    const recordConsent = async (organisation, category) => {
      await page.locator('#consent-person').selectOption({label: victimName});
      await page.locator('#consent-organisation').selectOption({label: organisation});
      await page.locator('#consent-category').selectOption({label: category});
      await page.locator('#consent-until').fill('2030-01-01');
      await page.locator('form[data-form="consent"] button').click();
      await page.locator('.case-consents li', {hasText: `${victimName} → ${organisation}: ${category}`}).waitFor();
    };
    await recordConsent('CAW', 'safe address');
    await recordConsent('Police', 'care notes');
    await page.locator('.case-consents li', {hasText: '→ Police: care notes'}).getByRole('button', {name: 'Revoke'}).click();
    await page.locator('.case-consents li', {hasText: '→ Police: care notes'}).filter({hasText: '(revoked or expired)'}).waitFor();
    const live = page.locator('.case-consents li', {hasText: `${victimName} → CAW: safe address`});
    // Valid until the day entered, as entered (the server keeps the instant it ends, the next midnight).
    assert.match(await live.textContent(), /until (1 Jan 2030|Jan 1, 2030)/);
    assert.equal(await live.getByText('revoked or expired').count(), 0);
    assert.equal(await live.getByRole('button', {name: 'Revoke'}).count(), 1);
    // An intervention for CAW, owned by its social worker (picked by name).
    await page.locator('#intervention-description').fill('fortnightly budget coaching');
    await page.locator('#intervention-organisation').selectOption({label: 'CAW'});
    await page.locator('#intervention-owner').selectOption({label: 'social'});
    await page.locator('#intervention-due').fill('2030-01-01');
    await page.locator('form[data-form="intervention"] button').click();
    const row = page.locator('.case-plan .interventions tbody tr', {hasText: 'fortnightly budget coaching'});
    await row.waitFor();
    assert.deepEqual((await row.locator('td').allTextContents()).slice(1, 3), ['CAW', 'social']);
    // Names, never bare ids, for organisations and users on the page.
    const text = await page.locator('#view').textContent();
    assert.doesNotMatch(text, /\b(organisation|user) \d+\b/);
    await page.locator('.case-timeline li', {hasText: 'case manager appointed (to: manager) — coordinator'}).waitFor();
    await assertAccessible(page, 'case plan');
    await screenshot(page, 'case-plan');
    assertNoConsoleProblems(page);
    await page.close();

    const partner = await newPage(browser);
    await logInThroughForm(partner, server, 'social');
    await partner.evaluate((caseId) => { location.hash = `#/cases/${caseId}`; }, id);
    const report = partner.locator('form[data-form^="report-"]');
    await report.waitFor();
    // A partner has no case manager's controls.
    for (const form of ['admit', 'intervention', 'track', 'close', 'reopen', 'goal', 'consent'])
      assert.equal(await partner.locator(`form[data-form="${form}"]`).count(), 0, form);
    assert.equal(await partner.locator('button[data-step]').count(), 0);
    await report.locator('select').selectOption('done');
    await report.locator('textarea').fill('six talks held');
    await report.locator('button').click();
    const reported = partner.locator('.case-plan .interventions tbody tr', {hasText: 'fortnightly budget coaching'});
    await reported.locator('td', {hasText: 'six talks held'}).waitFor();
    assert.equal((await reported.locator('td').allTextContents())[4], 'done');
    await assertAccessible(partner, 'partner report');
    await screenshot(partner, 'partner-report');
    await assertNoPersonalData(partner);
    assertNoConsoleProblems(partner);
    await partner.close();
  });

  test('closing early is refused with its guards, then closes with a reason; reopening; a reload keeps the session', async () => {
    const id = await caseThroughApi('E2E.CLOSE.1');
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'manager');
    await page.evaluate((caseId) => { location.hash = `#/cases/${caseId}`; }, id);
    await page.locator('.chain li[aria-current="step"]', {hasText: 'intake'}).waitFor();
    await page.locator('#close-reason').selectOption('goals_met');
    await page.locator('form[data-form="close"] button').click();
    await page.locator('#close-form-message li[data-guard="early_closure_reason"]').waitFor();
    await assertAccessible(page, 'case close refused');
    await screenshot(page, 'case-close-refused');
    await page.locator('#close-reason').selectOption('family_moved');
    await page.locator('#close-note').fill('moved abroad');
    await page.locator('form[data-form="close"] button').click();
    await page.locator('.chain li[aria-current="step"]', {hasText: 'closed'}).waitFor();
    await page.locator('.facts dd', {hasText: 'the family moved'}).waitFor();
    assert.equal(await page.locator('form[data-form="close"]').count(), 0);
    await page.locator('#reopen-reason').fill('a new report came in');
    await page.locator('form[data-form="reopen"] button').click();
    await page.locator('.chain li[aria-current="step"]', {hasText: 'intake'}).waitFor();
    await page.locator('.case-timeline li', {hasText: 'a new report came in'}).waitFor();
    await page.locator('form[data-form="close"]').waitFor();
    await assertAccessible(page, 'case reopened');
    await screenshot(page, 'case-reopened');

    // A reload resumes the session: same user, same case, and changes still go through (a new CSRF token).
    await page.reload();
    await page.locator('#log-out').waitFor({state: 'visible'});
    await page.locator('.chain li[aria-current="step"]', {hasText: 'intake'}).waitFor();
    assert.match(await page.locator('#who').textContent(), /manager/);
    // Another tab resuming the same session makes this page's CSRF token stale: the change is retried once with a new one.
    const cookie = (await browser.context.cookies(server.url)).find((c) => c.name === '__Host-casechain-session');
    assert.equal((await call(server, 'GET', '/api/v1/session', {token: cookie.value})).status, 200);
    await page.locator('#track-to').selectOption('3');
    await page.locator('#track-reason').fill('a restraining order was imposed');
    await page.locator('form[data-form="track"] button').click();
    await page.locator('.facts dd', {hasText: 'track 3'}).waitFor();
    await assertAccessible(page, 'case after reload');
    await screenshot(page, 'case-after-reload');
    await assertNoPersonalData(page);
    assertNoConsoleProblems(page);
    await page.close();
    const resumed = await call(server, 'GET', `/api/v1/audit?user=${(await call(server, 'GET', '/api/v1/me', {token: tokens.manager})).json.id}`,
      {token: await tokenOf(server, 'auditor')});
    assert.equal(resumed.status, 200);
    assert.ok(resumed.json.entries.some((e) => e.action === 'session_resumed'));
  });

  test('a partner sees the cases its organisation takes part in, and nothing the policy hides', async () => {
    const canary = 'CANARY-7Q3X';
    const shared = await caseThroughApi('E2E.PARTNER.1', {narrative: `Slagen en ${canary} in het verhaal.`,
      persons: [{role: 'victim', first_name: 'Zyxwanda', last_name: 'Quistwater', birth_date: '1991-01-01', gender: 'female'}]});
    const other = await caseThroughApi('E2E.PARTNER.2');
    const caw = await organisationId('CAW');
    const admitted = await call(server, 'POST', `/api/v1/cases/${shared}/members`, {body: {organisation: caw}, token: tokens.manager});
    assert.equal(admitted.status, 204);
    const social = await call(server, 'GET', '/api/v1/me', {token: await tokenOf(server, 'social')});
    const planned = await call(server, 'POST', `/api/v1/cases/${shared}/interventions`, {token: tokens.manager,
      body: {organisation: caw, owner: social.json.id, description: 'weekly support talks', due_on: '2030-01-01'}});
    assert.equal(planned.status, 201);

    const page = await newPage(browser);
    await logInThroughForm(page, server, 'social');
    await page.locator(`#view a[href="#/cases/${shared}"]`).first().waitFor();
    assert.equal(await page.locator(`#view a[href="#/cases/${other}"]`).count(), 0);
    // Their own task, on the case they take part in.
    await page.locator('.interventions tr', {hasText: 'weekly support talks'}).waitFor();
    await assertAccessible(page, 'partner tasks');
    await page.locator(`table.cases a[href="#/cases/${shared}"]`).click();
    await page.locator('.chain li[aria-current="step"]').waitFor();
    await page.locator('.case-plan .interventions td', {hasText: 'weekly support talks'}).waitFor();
    await screenshot(page, 'partner-case');
    // secrecy-1: a social-work member reads the family (identity), not the
    // narrative (incident in summary only).
    await page.locator('.case-family li', {hasText: 'Zyxwanda Quistwater'}).waitFor();
    const text = await page.content();
    assert.equal(text.includes(canary), false);
    assert.equal(await page.locator('button[data-step]').count(), 0);  // partners do not move cases
    await assertNoPersonalData(page);
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('the auditor sees the chain verified, closes an emergency access review and filters the trail', async () => {
    const id = await caseThroughApi('E2E.AUDIT.1');
    const opened = await call(server, 'POST', `/api/v1/cases/${id}/emergency-access`,
      {token: tokens.police, body: {reason: 'the victim called from a shelter', password}});
    assert.equal(opened.status, 201);
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'auditor');
    await page.locator('#nav a[data-screen="audit"]').click();
    await page.locator('#view .audit-ok').waitFor();
    const row = page.locator('#view table.review tr', {hasText: 'the victim called from a shelter'});
    await row.waitFor();
    await row.getByLabel('Review note').fill('justified: a call from a shelter');
    await row.getByRole('button', {name: 'Close the review'}).click();
    await page.locator('#view', {hasText: 'Nothing awaits review.'}).waitFor();
    await page.getByLabel('Case number').fill(String(id));
    await page.getByRole('button', {name: 'Filter'}).click();
    await page.locator('#view table.entries tbody tr').first().waitFor();
    const cases = await page.locator('#view table.entries tbody tr td:nth-child(5)').allTextContents();
    assert.ok(cases.length > 0);
    assert.ok(cases.every((c) => c === String(id)));
    // Who acted is shown by name: the police officer who opened the emergency access.
    const users = await page.locator('#view table.entries tbody tr td:nth-child(2)').allTextContents();
    assert.ok(users.includes('police'), `users shown: ${users.join(', ')}`);
    assert.ok(page.url().endsWith('#/audit'));  // filters never enter the address
    await assertAccessible(page, 'audit');
    await screenshot(page, 'audit-trail');
    await assertNoPersonalData(page);
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('figures: the server\'s figures for the last twelve months, and the numbers it gets drawn as SVG bars', async () => {
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'auditor');
    await page.locator('#nav a[data-screen="figures"]').click();
    // The real server's figures for the period the form shows (a year up to today).
    await page.locator('#view figure svg.chart').first().waitFor();
    assert.equal(await page.locator('#figures-unavailable').count(), 0);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(await page.locator('#figures-to').inputValue(), today);
    // Tracks over time: one stacked column per month of the last twelve, the numbers below.
    await page.locator('#tracks-over-time svg.chart-stacked').waitFor();
    assert.equal(await page.locator('#tracks-over-time tbody tr').count(), 12);
    const cells = (await page.locator('#tracks-over-time tbody td').allTextContents()).map(Number);
    assert.equal(cells.length, 36);
    assert.ok(cells.reduce((a, b) => a + b, 0) > 0, 'the decisions made in these tests are counted');
    await assertAccessible(page, 'figures from the server');
    await screenshot(page, 'figures-server');
    // The page draws whatever figures come: here a fixed answer in place of the server's.
    await page.route(/\/api\/v1\/stats(\?|$)/, (route) => route.fulfill({status: 200, contentType: 'application/json',
      body: JSON.stringify({reports: {track_1: 46, track_2: 34, track_3: 20}, overdue: 7,
        caseload: [{case_manager: 3, cases: 12}]})}));
    await page.evaluate(() => { location.hash = '#/audit'; });
    await page.locator('#view[data-screen="audit"]').waitFor();
    await page.locator('#nav a[data-screen="figures"]').click();
    await page.locator('#view svg.chart rect').nth(2).waitFor();
    const values = await page.locator('#view svg.chart .chart-value').allTextContents();
    assert.deepEqual(values, ['46', '34', '20']);
    const widths = await page.locator('#view svg.chart rect').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('width'))));
    assert.ok(widths[0] > widths[1] && widths[1] > widths[2]);
    await page.locator('#view td', {hasText: '12'}).waitFor();
    await page.locator('#view p', {hasText: 'overdue: 7'}).waitFor();
    await assertAccessible(page, 'figures');
    await screenshot(page, 'figures-drawn');
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('fits a tablet held upright: no sideways scrolling on the triage desk or a case page', async () => {
    const report = await addReport(server, tokens.police, policeReport('E2E.TABLET.1', {reported_at: '2025-12-01T08:00:00Z'}));
    const page = await newPage(browser);
    await page.setViewportSize({width: 768, height: 1024});
    await logInThroughForm(page, server, 'triage1');
    await page.locator('#report-title', {hasText: 'E2E.TABLET.1'}).waitFor();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    assert.equal(await fits(), true, 'triage desk');
    await screenshot(page, 'triage-tablet');
    await page.keyboard.press(String(report.triage.track));
    const opened = await page.locator('#status', {hasText: /case \d+ is opened/}).textContent();
    await logOutThroughButton(page);
    await logInThroughForm(page, server, 'coordinator');
    await page.evaluate((id) => { location.hash = `#/cases/${id}`; }, opened.match(/case (\d+)/)[1]);
    await page.locator('.chain li[aria-current="step"]').waitFor();
    assert.equal(await fits(), true, 'case page');
    await screenshot(page, 'case-tablet');
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('the language is the user\'s choice, every string changes with it', async () => {
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'coordinator');
    await page.getByLabel('Language').selectOption('fr');
    await page.locator('#nav a[data-screen="figures"]', {hasText: 'Chiffres'}).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await page.getByLabel('Langue').selectOption('nl');
    await page.locator('#nav a[data-screen="desk"]', {hasText: 'Mijn dossiers'}).waitFor();
    await page.locator('#view h1', {hasText: 'Mijn dossiers'}).waitFor();
    await screenshot(page, 'desk-nl');
    assert.equal(await page.locator('#log-out').textContent(), 'Afmelden');
    await page.getByLabel('Taal').selectOption('en');
    await page.locator('#log-out', {hasText: 'Log out'}).waitFor();
    await assertNoPersonalData(page);
    assertNoConsoleProblems(page);
    await page.close();
  });

  test('a session that ended elsewhere brings the user back to log-in with a clear message', async () => {
    const page = await newPage(browser);
    await logInThroughForm(page, server, 'manager');
    const cookie = (await browser.context.cookies(server.url)).find((c) => c.name === '__Host-casechain-session');
    assert.ok(cookie.httpOnly);
    const ended = await call(server, 'DELETE', '/api/v1/session', {token: cookie.value});
    assert.equal(ended.status, 204);
    await page.evaluate(() => { location.hash = '#/cases/1'; });
    await page.locator('#login-message', {hasText: 'session has ended'}).waitFor();
    await screenshot(page, 'session-ended');
    assert.equal(await page.locator('#log-out').isHidden(), true);
    await page.close();
  });

  test('focus is visible on the controls a keyboard reaches', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/`);
    await page.locator('#username:focus').waitFor();
    // Forwards through the form, then backwards past it to the language choice.
    const steps = [['Tab', 'password'], ['Tab', null], ['Shift+Tab', 'password'], ['Shift+Tab', 'username'], ['Shift+Tab', 'language']];
    for (const [key, id] of steps) {
      await page.keyboard.press(key);
      const focused = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return {id: document.activeElement.id, tag: document.activeElement.tagName, style: style.outlineStyle,
          width: parseFloat(style.outlineWidth)};
      });
      if (id) assert.equal(focused.id, id);
      else assert.equal(focused.tag, 'BUTTON');
      assert.notEqual(focused.style, 'none', `focus outline on ${focused.tag} ${focused.id}`);
      assert.ok(focused.width >= 2, `focus outline width on ${focused.tag} ${focused.id}`);
    }
    await page.close();
  });
});
