// Browser tests of the built site (dist/), in Chromium through playwright-core.
//
// The site is served by the test itself on 127.0.0.1, on a free port, under a sub-path, so any
// absolute asset URL would break it. Expected texts are not written here: they come from
// tests/cases/NAME.want, which scripts/web-cases.sh writes by running the real go command,
//   GOTOOLCHAIN=local GOWORK=off GOPROXY=off GOFLAGS= GOSUMDB=off go mod edit -fmt -print go.mod
// (Go 1.27.3) on tests/cases/NAME.go.mod; `make test` re-checks them against go before this runs.
// Screenshots go to e2e/screenshots/ (ignored by git) for a human to look at.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startStaticServer } from '../scripts/static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// GOMODPLAY_DIST tests another build of the site (for example one made with the other toolchain).
const DIST = process.env.GOMODPLAY_DIST ?? join(ROOT, 'dist');
const CASES = join(ROOT, 'tests', 'cases');
const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');
const SUB_PATH = '/tools/gomodplay/';

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

/** A case from tests/cases: the input, the verdict go gives, and the text the page must show. */
function readCase(name) {
  const input = readFileSync(join(CASES, `${name}.go.mod`), 'utf8');
  const want = readFileSync(join(CASES, `${name}.want`), 'utf8');
  const newline = want.indexOf('\n');
  return {
    input,
    verdict: newline < 0 ? want : want.slice(0, newline),
    text: newline < 0 ? '' : want.slice(newline + 1),
  };
}

const VERDICT_TEXT = {
  canonical: 'Already canonical',
  formatted: 'Not canonical',
  errors: 'Does not parse',
};
const REGION_NAME = {
  canonical: 'Formatted go.mod',
  formatted: 'Formatted go.mod',
  errors: 'Errors',
};

let site;
let browser;

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'dist/index.html is missing: run `make dist` first');
  mkdirSync(SCREENSHOTS, { recursive: true });
  site = await startStaticServer({ dir: DIST, prefix: SUB_PATH });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

/**
 * Opens the playground in a fresh page and records everything that would count against it:
 * console errors and warnings, uncaught exceptions, dialogs, and requests that leave the site.
 */
async function openPlayground({ colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
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

  await page.goto(site.url);
  const editor = page.getByRole('textbox', { name: 'go.mod', exact: true });
  await editor.waitFor();
  return { context, page, editor, problems };
}

/** The region showing go's answer for `verdict`, and the live verdict line. */
function resultOf(page, verdict) {
  return {
    region: page.getByRole('region', { name: REGION_NAME[verdict], exact: true }),
    status: page.getByRole('status'),
  };
}

async function expectResult(page, { verdict, text }) {
  const { region, status } = resultOf(page, verdict);
  await region.waitFor();
  // textContent, not innerText: the exact characters, tabs and final newline included.
  assert.equal(await region.textContent(), text);
  assert.equal(await status.textContent(), VERDICT_TEXT[verdict]);
}

describe('the playground', () => {
  test('opens with the example, canonical, without errors or foreign requests', async () => {
    const { context, page, editor, problems } = await openPlayground();
    const example = readFileSync(join(ROOT, 'src', 'example.go.mod'), 'utf8');
    assert.equal(await editor.inputValue(), example);
    // scripts/web-cases.sh checks with go that the example is canonical, so go prints it unchanged.
    await expectResult(page, { verdict: 'canonical', text: example });
    assert.equal(await page.title(), 'gomodplay: Go modules playground');
    await page.screenshot({ path: join(SCREENSHOTS, 'example-light.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('looks right in the dark theme', async () => {
    const { context, page, editor, problems } = await openPlayground({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(17, 20, 23)');
    await editor.fill(readCase('broken').input);
    await page.screenshot({ path: join(SCREENSHOTS, 'broken-dark.png'), fullPage: true });
    await editor.fill(readCase('messy').input);
    await page.screenshot({ path: join(SCREENSHOTS, 'messy-dark.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  const caseNames = ['messy', 'canonical', 'broken', 'block-comment', 'unterminated-string', 'empty'];
  for (const name of caseNames) {
    test(`shows exactly what go says for tests/cases/${name}.go.mod`, async () => {
      const { context, page, editor, problems } = await openPlayground();
      const goCase = readCase(name);
      await editor.fill(goCase.input);
      await expectResult(page, goCase);
      await page.screenshot({ path: join(SCREENSHOTS, `case-${name}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('updates as the user types, key by key', async () => {
    const { context, page, editor, problems } = await openPlayground();
    const goCase = readCase('messy');
    await editor.fill('');
    // Typing goes through real key events; the result must follow without any other action.
    await editor.pressSequentially(goCase.input);
    assert.equal(await editor.inputValue(), goCase.input);
    await expectResult(page, goCase);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const name of ['markup', 'markup-error']) {
    test(`shows markup from tests/cases/${name}.go.mod as text and never runs it`, async () => {
      const { context, page, editor, problems } = await openPlayground();
      const goCase = readCase(name);
      await editor.fill(goCase.input);
      await expectResult(page, goCase);
      // The inputs try to set document.title from an onerror handler or a script element.
      assert.equal(await page.locator('main img, main script, main b').count(), 0);
      await page.waitForTimeout(200);
      assert.equal(await page.title(), 'gomodplay: Go modules playground');
      await page.screenshot({ path: join(SCREENSHOTS, `case-${name}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('is usable with the keyboard alone', async () => {
    const { context, page, editor, problems } = await openPlayground();
    // A case without tabs: Tab moves the focus on, as it should, instead of typing a tab.
    const goCase = readCase('block-comment');
    // Tab reaches the "Load example" button, then the editor.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Load example');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'gomod-input');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(goCase.input);
    await expectResult(page, goCase);
    // The result region can take focus too, to scroll it without a mouse.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Errors');
    await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-focus.png') });
    // Shift+Tab twice goes back to the button; Enter puts the example back.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const example = readFileSync(join(ROOT, 'src', 'example.go.mod'), 'utf8');
    assert.equal(await editor.inputValue(), example);
    await expectResult(page, { verdict: 'canonical', text: example });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
