// Steps the browser tests share: logging in through the form, the privacy
// checks (URL, storage, cookies readable by script), and the axe-core check.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {password} from './server.mjs';
import {screenshots} from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function logInThroughForm(page, server, username) {
  await page.goto(`${server.url}/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', {name: 'Log in'}).click();
  await page.locator('#log-out').waitFor({state: 'visible'});
}

export async function logOutThroughButton(page) {
  await page.locator('#log-out').click();
  await page.locator('#login-message', {hasText: 'You are logged out.'}).waitFor();
}

// Only ids in the hash, nothing in storage, no cookie a script can read.
export async function assertNoPersonalData(page) {
  assert.match(page.url(), /^https:\/\/localhost:\d+\/(#(\/[a-z]+(\/\d+)?)?)?$/);
  const stored = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  }));
  assert.deepEqual(stored, {local: 0, session: 0, cookie: ''});
}

// axe-core on the current screen: no serious or critical violation. axe is
// evaluated through the debugging protocol, which the page's CSP does not
// govern (a script tag would rightly be refused).
export async function assertAccessible(page, screen) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {resultTypes: ['violations']});
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `accessibility on ${screen}`);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((field) => !field.labels?.length && !field.getAttribute('aria-label')).map((field) => field.id || field.name));
  assert.deepEqual(unlabelled, [], `unlabelled fields on ${screen}`);
}

export async function screenshot(page, name) {
  await page.screenshot({path: join(screenshots, `${name}.png`), fullPage: true});
}

export function assertNoConsoleProblems(page) {
  assert.deepEqual(page.problems, []);
}
