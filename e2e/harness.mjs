// The browser-test harness of the newer e2e files (bench and views): it serves dist/ under a
// sub-path on a free port, starts Chromium, and opens pages that record console errors, page
// errors, dialogs, failed requests and requests that leave the site (each test asserts there
// were none), as e2e/playground.test.mjs does.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startStaticServer } from '../scripts/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.GOMODPLAY_DIST ?? join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
const SUB_PATH = '/tools/gomodplay/';

// No sandbox (root in CI), and none of Chromium's own background traffic.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Starts the site and the browser; returns { site, browser, close }. */
export async function startSite() {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run `make dist` first');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const site = await startStaticServer({ dir: DIST, prefix: SUB_PATH });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    site,
    browser,
    close: async () => {
      await browser.close();
      site.server.close();
    },
  };
}

function watch(site, page, problems) {
  const siteUrl = new URL(site.url);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:') return;
    if (url.origin !== siteUrl.origin || !url.pathname.startsWith(SUB_PATH)) {
      problems.push(`request outside the site: ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/** Opens the playground in a fresh context (empty localStorage); returns { context, page, problems }. */
export async function openPlayground({ site, browser }, { colorScheme = 'light', width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  watch(site, page, problems);
  await page.goto(site.url);
  await page.getByRole('textbox', { name: 'go.mod', exact: true }).waitFor();
  await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
  return { context, page, problems };
}

/**
 * Replaces a text area's value in one input event, as a paste does (playwright's fill types
 * large texts far too slowly: a 200 KB fill takes longer than its timeout).
 */
export async function setText(locator, text) {
  await locator.evaluate((area, value) => {
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Loads a txtar archive through the toolbar's "Paste bundle" panel and waits for its notice. */
export async function pasteBundle(page, txtar) {
  await page.getByRole('button', { name: 'Paste bundle' }).click();
  await setText(page.getByRole('textbox', { name: 'Bundle (txtar)' }), txtar);
  await page.getByRole('button', { name: 'Load bundle' }).click();
  await page.getByText(/Loaded a bundle of \d+ files/).waitFor();
  await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
}

/**
 * Whether dist/ was built with the module views (cargo feature `views`): the default example
 * resolves, so a build with them shows the views' container.
 */
export async function viewsBuiltIn(env) {
  const { context, page } = await openPlayground(env);
  const found = (await page.locator('.module-views').count()) > 0;
  await context.close();
  return found;
}
