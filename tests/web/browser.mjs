// Headless Debian Chromium driven by playwright-core. The server's self-signed
// certificate is pinned by its public key hash (no blanket ignoring of TLS
// errors); the background-networking switches keep Chromium off the network.
import {mkdtempSync, mkdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';

export const screenshots = process.env.CASECHAIN_SCREENSHOTS ||
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'screenshots');

export async function startBrowser(server) {
  const profile = mkdtempSync(join(tmpdir(), 'casechain-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--ignore-certificate-errors-spki-list=${server.spki}`],
    viewport: {width: 1024, height: 768},
    locale: 'en-GB',
  });
  mkdirSync(screenshots, {recursive: true});
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

// A new page that records console errors and CSP violations. Cookies are
// cleared first: a page would otherwise resume the session a previous test
// left behind (a reload keeps the user logged in).
export async function newPage(browser) {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    // An answer like 409 or 401 is logged by Chromium; the tests expect some. Everything else counts.
    const expectedHttpError = message.text().startsWith('Failed to load resource: the server responded with a status of');
    if (message.type() === 'error' && !expectedHttpError) page.problems.push(message.text());
  });
  page.on('pageerror', (error) => page.problems.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return page;
}
