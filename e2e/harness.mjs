// The browser-test harness every e2e file uses: the site served from dist/ (or another folder)
// under a sub-path on a free port, so any absolute asset URL would break it; Chromium; and a page
// watcher that records console errors, uncaught exceptions, dialogs, failed requests and requests
// that leave the site, so that each test can assert there were none.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { SHARED } from '../scripts/kube-bundle.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// GOMODPLAY_DIST tests another build of the site (for example one made with the other toolchain).
export const DIST = process.env.GOMODPLAY_DIST ?? join(ROOT, 'dist');
export const EXAMPLES = join(ROOT, 'www', 'examples');
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
export const SUB_PATH = '/tools/gomodplay/';
// The shared test data (../shared beside the checkout, or GOMODPLAY_SHARED); tests that need it
// fail when it is missing (requireShared), they never skip.
export { SHARED };

/** The path of `parts` under the shared test data; fails the test when it is not there. */
export function requireShared(...parts) {
  const path = join(SHARED, ...parts);
  assert.ok(existsSync(path), `${path} is missing: the shared test data must sit beside the checkout (../shared) or be named by GOMODPLAY_SHARED`);
  return path;
}

// Flags from the toolchain notes: no sandbox (root in CI), and no background traffic of
// Chromium's own that would look like the page talking to other hosts.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts the site (the folder `dir`, served at `prefix`) and Chromium: { site, browser, stop }.
 * `site.url` is the site's address, ending in the prefix.
 */
export async function start({ dir = DIST, prefix = SUB_PATH } = {}) {
  assert.ok(existsSync(join(dir, 'index.html')), `${join(dir, 'index.html')} is missing: run \`make dist\` first`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const site = await startStaticServer({ dir, prefix });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    site,
    browser,
    stop: async () => {
      await browser.close();
      site.server.close();
    },
  };
}

/** Records everything that would count against a page in `problems`; the site is `site.url` and below. */
export function watch(page, site, problems) {
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
    if (url.origin !== siteUrl.origin || !url.pathname.startsWith(siteUrl.pathname)) {
      problems.push(`request outside the site: ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

/** The gallery examples: id and expected codes, from the files' headers. */
export function readExamples() {
  return readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.txtar'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const header = (key) => (text.split('\n').find((l) => l.startsWith(`${key}:`)) ?? '').slice(key.length + 1).trim();
      return { id: name.replace(/\.txtar$/, ''), text, expect: header('expect').split(/\s+/).filter(Boolean).sort() };
    });
}

/**
 * Waits until the diagnostic codes shown inside `scope` (a page, region or frame locator), sorted
 * and without repeats, are `want`; fails with the last codes seen after `timeout` ms. The bound is
 * generous because a loaded machine may take seconds to analyse and paint: only a wrong answer
 * should fail the test, not a slow one.
 */
export async function waitForCodes(scope, want, { timeout = 15000 } = {}) {
  const deadline = Date.now() + timeout;
  let got = [];
  for (;;) {
    let codes;
    try {
      codes = await scope.locator('.diag-code').allTextContents();
    } catch (error) {
      // A frame that is still loading (embed.js sets an iframe's address once it is near the
      // viewport) navigates under the locator: read it again on the next round.
      if (!/Execution context was destroyed/.test(String(error?.message)) || Date.now() > deadline) throw error;
      codes = [];
    }
    got = [...new Set(codes)].sort();
    if (JSON.stringify(got) === JSON.stringify(want) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(got, want);
  return got;
}

/** A new watched page, in `context` or a fresh one (empty localStorage): { context, page, problems }. */
export async function newPage({ site, browser }, { colorScheme = 'light', width = 1280, height = 900, context } = {}) {
  context ??= await browser.newContext({ colorScheme, viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  watch(page, site, problems);
  return { context, page, problems };
}

/** Opens the playground on a new watched page (see newPage) and waits for its first analysis. */
export async function openPlayground(env, options = {}) {
  const { context, page, problems } = await newPage(env, options);
  await page.goto(env.site.url);
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

/** The tab of a module view (Graph, Build list, Conflicts, go.sum, What-if). */
export const viewTab = (page, name) =>
  page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: new RegExp(`^${name.replace(/[.]/g, '\\.')}( \\(\\d+\\))?$`) });

/** Opens a module view's tab and waits until it is the selected one. */
export async function openView(page, name) {
  const tab = viewTab(page, name);
  await tab.click();
  await page.waitForFunction((el) => el.getAttribute('aria-selected') === 'true', await tab.elementHandle());
}

/** The tab of an input file (not a module view's tab of the same name). */
export const fileTab = (page, name, options = {}) =>
  page.getByRole('tablist', { name: 'Files' }).getByRole('tab', { name, ...options });

/**
 * The file names on the Files tabs, in order. A tab's text carries a dot and a visually hidden
 * "(has findings)" when its file has findings; neither is part of the file's name.
 */
export async function fileTabNames(page) {
  const labels = await page.getByRole('tablist', { name: 'Files' }).getByRole('tab').allTextContents();
  return labels.map((label) => label.replace(/●.*$/, '').trim());
}

const AXE_SOURCE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core (a test-only npm package, never shipped) on the page, or on the part of it that
 * `include` selects, and returns its serious and critical violations as readable lines
 * ("rule-id (impact): target — summary"), so a test asserts `deepEqual(lines, [])` and a failure
 * names every offending element.
 */
export async function seriousAxeViolations(page, { include } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: readFileSync(AXE_SOURCE, 'utf8') });
  }
  const results = await page.evaluate(async (context) => {
    return await window.axe.run(context ?? document, { resultTypes: ['violations'] });
  }, include ?? null);
  const lines = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      lines.push(`${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? violation.help}`);
    }
  }
  return lines;
}
