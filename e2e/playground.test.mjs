// Browser tests of the built site (dist/), in Chromium through playwright-core.
//
// e2e/harness.mjs serves the site on 127.0.0.1, on a free port, under a sub-path, so any
// absolute asset URL would break it. Every page records console errors, uncaught exceptions,
// dialogs, failed requests and requests that leave the site, and each test asserts there were
// none. Expected diagnostic codes come from the gallery files' `expect:` headers, which the
// native tests (tests/gallery.rs) check through the same core. Screenshots go to
// e2e/screenshots/ (ignored by git) for a human to look at.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as harness from './harness.mjs';
import { ROOT, SCREENSHOTS, readExamples, requireShared, setText, start } from './harness.mjs';

const CASES = join(ROOT, 'tests', 'cases');
const TITLE = 'gomodplay: Go modules playground';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Opens the playground in a fresh browser context (empty localStorage). */
const openPlayground = (options) => harness.openPlayground(env, options);

const diagnosticsRegion = (page) => page.getByRole('region', { name: 'Diagnostics', exact: true });

/** The codes the Diagnostics region shows, sorted, once the analysis is up to date. */
async function shownCodes(page) {
  await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
  await page.waitForTimeout(50);
  const codes = await diagnosticsRegion(page).locator('.diag-code').allTextContents();
  return [...new Set(codes)].sort();
}

// The options (a longer timeout) reach the harness: the 5 MB paste is analysed in the worker
// while the page stays responsive, so on a loaded machine it can take longer than the default.
const waitForCodes = (page, want, options) => harness.waitForCodes(diagnosticsRegion(page), want, options);

async function editFile(page, name, text) {
  await harness.fileTab(page, name, { exact: false }).first().click();
  const editor = page.getByRole('textbox', { name, exact: true });
  await editor.fill(text);
  return editor;
}

/**
 * Replaces a file's text the way a paste over a selection does: one input event with the whole
 * text (typing-level automation of a 5 MB text area is slow in any browser).
 */
async function pasteInto(page, name, text) {
  await harness.fileTab(page, name, { exact: false }).first().click();
  await setText(page.getByRole('textbox', { name, exact: true }), text);
}

async function loadExample(page, id) {
  await page.getByRole('combobox', { name: 'Examples' }).selectOption(id);
}

describe('the playground', () => {
  test('opens with an example loaded, its diagnostics and the analysis time', async () => {
    const { context, page, problems } = await openPlayground();
    assert.equal(await page.title(), TITLE);
    const [first] = readExamples();
    assert.equal(await page.getByRole('combobox', { name: 'Examples' }).inputValue(), first.id);
    await waitForCodes(page, first.expect);
    const timing = await page.getByText(/analysed in [0-9.]+ ms/).textContent();
    assert.match(timing, /^analysed in \d+(\.\d)? ms$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'open-light.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('has a dark theme', async () => {
    const { context, page, problems } = await openPlayground({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(17, 20, 23)');
    await loadExample(page, '07-missing-go-sum-entry');
    await waitForCodes(page, ['sum-missing', 'sum-missing-zip']);
    await page.screenshot({ path: join(SCREENSHOTS, 'open-dark.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('shows diagnostics with codes for a pasted go.mod and go.sum', async () => {
    const { context, page, problems } = await openPlayground();
    await editFile(
      page,
      'go.mod',
      'module example.com/app\n\ngo 1.22\n\nrequire github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c\n',
    );
    await editFile(page, 'go.sum', 'github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c h1:short\n');
    // go.sum has the module's content line (malformed) but not its go.mod line.
    await waitForCodes(page, ['go-line-without-patch', 'pseudo-version', 'sum-malformed', 'sum-missing']);
    // The go.sum finding is underlined in the editor and marked in the gutter.
    assert.ok((await page.locator('.editor-overlay [class*="squiggle-"]').count()) > 0);
    assert.ok((await page.locator('.gutter-warning, .gutter-error').count()) > 0);
    // The location jumps to the line in the go.mod editor.
    await diagnosticsRegion(page).getByRole('button', { name: /^Go to go\.mod:5:/ }).first().click();
    const editor = page.getByRole('textbox', { name: 'go.mod', exact: true });
    assert.ok(await editor.evaluate((e) => document.activeElement === e));
    const caretLine = await editor.evaluate((e) => e.value.slice(0, e.selectionStart).split('\n').length);
    assert.equal(caretLine, 5);
    // The explanation is one click away.
    await diagnosticsRegion(page).getByRole('button', { name: 'Explain' }).first().click();
    await diagnosticsRegion(page).locator('.explain').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'pasted.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('previews a fix as a diff and applies it to the editor', async () => {
    const { context, page, problems } = await openPlayground();
    await loadExample(page, '14-bot-toolchain-line');
    await waitForCodes(page, ['toolchain-not-above-go']);
    const editor = page.getByRole('textbox', { name: 'go.mod', exact: true });
    assert.match(await editor.inputValue(), /toolchain go1\.22\.0/);
    await diagnosticsRegion(page).getByRole('button', { name: /^Apply fix/ }).first().click();
    const preview = page.getByRole('dialog');
    await preview.waitFor();
    assert.ok((await preview.locator('.diff-removed').count()) > 0);
    await page.screenshot({ path: join(SCREENSHOTS, 'fix-preview.png'), fullPage: true });
    await preview.getByRole('button', { name: 'Apply this fix' }).click();
    await waitForCodes(page, []);
    assert.doesNotMatch(await editor.inputValue(), /toolchain/);
    // Undo brings the line back.
    await page.getByRole('button', { name: /^Undo/ }).click();
    await waitForCodes(page, ['toolchain-not-above-go']);
    assert.match(await editor.inputValue(), /toolchain go1\.22\.0/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('applies all fixes after a preview of every file they change', async () => {
    const { context, page, problems } = await openPlayground();
    await loadExample(page, '07-missing-go-sum-entry');
    await waitForCodes(page, ['sum-missing', 'sum-missing-zip']);
    await diagnosticsRegion(page).getByRole('button', { name: 'Apply all fixes' }).click();
    // Nothing changes until the preview is confirmed; Cancel leaves the files alone.
    const preview = page.getByRole('dialog');
    await preview.waitFor();
    assert.deepEqual(await preview.locator('.diff-file').allTextContents(), ['go.sum']);
    assert.match(await preview.getByRole('list', { name: 'Fixes to apply' }).textContent(), /sum-missing in go\.mod/);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    await waitForCodes(page, ['sum-missing', 'sum-missing-zip']);
    await diagnosticsRegion(page).getByRole('button', { name: 'Apply all fixes' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Apply all fixes' }).click();
    // The content hashes need the modules' zips: their fix is a command, not an edit.
    await waitForCodes(page, ['sum-missing-zip']);
    await harness.fileTab(page, /go\.sum/).click();
    assert.match(
      await page.getByRole('textbox', { name: 'go.sum', exact: true }).inputValue(),
      /github\.com\/google\/go-cmp v0\.6\.0\/go\.mod h1:17dUlkBOakJ0\+DkrSSNjCkIjxS6bF9zb3elmeNGIjoY=/,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every gallery example shows its expected diagnostics', async () => {
    const { context, page, problems } = await openPlayground();
    const examples = readExamples();
    assert.ok(examples.length >= 12);
    for (const example of examples) {
      await loadExample(page, example.id);
      await waitForCodes(page, example.expect);
      // Each shows what resolves it: a fix to apply or a command to run.
      const fixes = await page.getByRole('button', { name: /^Apply fix: / }).count();
      const commands = await page.locator('.diag-commands').count();
      assert.ok(fixes + commands > 0, `${example.id} shows neither a fix nor a command`);
      await page.screenshot({ path: join(SCREENSHOTS, `example-${example.id}.png`), fullPage: true });
    }
    // Alternatives are shown as alternatives: one block each, "or" between them.
    await loadExample(page, '01-go-version-build-script');
    await waitForCodes(page, ['go-version-too-new']);
    const ways = page.getByRole('group', { name: 'Ways to resolve it (one of them)' });
    assert.deepEqual(
      (await ways.locator('pre').allTextContents()).map((t) => t.trim()),
      ['$ go mod edit -go=1.23.8', '$ GOTOOLCHAIN=go1.24.1 go version'],
    );
    assert.deepEqual((await ways.locator('.diag-or').allTextContents()), ['or']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('loading an example over typed text can be undone', async () => {
    const { context, page, problems } = await openPlayground();
    const mine = 'module example.com/mine\n\ngo 1.23.0\n';
    const editor = await editFile(page, 'go.mod', mine);
    await loadExample(page, '02-module-myproject');
    await waitForCodes(page, ['module-path-no-dot']);
    assert.notEqual(await editor.inputValue(), mine);
    await page.getByRole('button', { name: /^Undo/ }).click();
    assert.equal(await editor.inputValue(), mine);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('restores the input after a reload', async () => {
    const { context, page, problems } = await openPlayground();
    const mine = 'module example.com/kept\n\ngo 1.22.0 // <b>not bold</b>\n';
    await editFile(page, 'go.mod', mine);
    await page.getByText(/analysed in/).waitFor();
    await page.waitForTimeout(100);
    await page.reload();
    const editor = page.getByRole('textbox', { name: 'go.mod', exact: true });
    await editor.waitFor();
    assert.equal(await editor.inputValue(), mine);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const name of ['markup', 'markup-error']) {
    test(`shows markup from tests/cases/${name}.go.mod as text and never runs it`, async () => {
      const { context, page, problems } = await openPlayground();
      await editFile(page, 'go.mod', readFileSync(join(CASES, `${name}.go.mod`), 'utf8'));
      await shownCodes(page);
      assert.equal(await page.locator('main img, main script, main b').count(), 0);
      await page.waitForTimeout(200);
      assert.equal(await page.title(), TITLE);
      await page.screenshot({ path: join(SCREENSHOTS, `case-${name}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('analyses a 5 MB paste, refuses one over the limit with its exact size, and says why for binary bytes', async () => {
    const { context, page, problems } = await openPlayground();
    const huge = `module example.com/huge\n\n${'require example.com/dep v1.0.0 // padding padding padding\n'.repeat(90000)}`;
    assert.ok(huge.length > 5_000_000);
    let started = Date.now();
    await pasteInto(page, 'go.mod', huge);
    // 90,000 requirements of one module: analysed (the limit is 16 MB), not refused.
    await waitForCodes(page, ['duplicate-require', 'not-formatted', 'sum-missing', 'sum-missing-zip'], { timeout: 60000 });
    assert.equal(await diagnosticsRegion(page).getByRole('alert').count(), 0);
    // 89,999 duplicate requirements: the page lists the first 1,000, says how many more there
    // are, and counts them all in the heading and the summary.
    const notListed = diagnosticsRegion(page).getByText('Not listed: 88999 duplicate-require findings on go.mod');
    await notListed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'huge-paste-not-listed.png') });
    const errors = Number((await diagnosticsRegion(page).locator('.group-title', { hasText: /^Errors/ }).textContent()).match(/\((\d+)\)/)[1]);
    assert.ok(errors >= 89999, `Errors (${errors})`);
    assert.match(await diagnosticsRegion(page).locator('.diag-summary').textContent(), new RegExp(`^${errors} errors`));
    // Still responsive: the page answers script right away.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    // A hang guard, not a speed target: the analysis is linear in the input.
    assert.ok(Date.now() - started < 60000, `took ${Date.now() - started} ms`);
    await page.screenshot({ path: join(SCREENSHOTS, 'huge-paste.png') });
    // Over the 16 MB limit: kept, not analysed, and the size said exactly.
    started = Date.now();
    await page.getByRole('textbox', { name: 'go.mod', exact: true }).evaluate((area) => {
      area.value = `module example.com/huger\n\n${'// padding padding padding padding padding padding\n'.repeat(340000)}`;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    await diagnosticsRegion(page).getByRole('alert').waitFor();
    assert.match(await diagnosticsRegion(page).getByRole('alert').textContent(), /go\.mod is 17\.[0-9] MB \([0-9,]+ bytes\)/);
    assert.ok(Date.now() - started < 15000, `the refusal took ${Date.now() - started} ms`);
    // Binary bytes pasted as text: control characters reach the core, which reports go's
    // syntax error instead of crashing.
    await pasteInto(page, 'go.mod', 'module ex\u0001ample.com/\u00ff\ufffd\u0007\n\ngo 1.22.0\n');
    await waitForCodes(page, ['syntax-error']);
    // A dropped binary file is refused with a message.
    await page.locator('main').evaluate((main) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array([0x00, 0xff, 0xfe, 0x80, 0x01])], 'go.mod'));
      main.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await page.getByText('go.mod is not UTF-8 text; it was not loaded.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'binary-drop.png') });
    await pasteInto(page, 'go.mod', 'module example.com/ok\n\ngo 1.22.0\n');
    // Analysed again; only the opening example's go.sum line is left over.
    await waitForCodes(page, ['sum-unused']);
    assert.equal(await diagnosticsRegion(page).getByRole('alert').count(), 0);
    assert.deepEqual(problems.filter((p) => !p.includes('too large to be saved')), []);
    await context.close();
  });

  test('adds a dependency go.mod in GOPROXY layout and pastes a bundle', async () => {
    const { context, page, problems } = await openPlayground();
    await page.getByRole('button', { name: 'Paste bundle' }).click();
    await page.getByRole('textbox', { name: 'Bundle (txtar)' }).fill(
      '-- go.mod --\nmodule example.com/app\n\ngo 1.22.0\n\nrequire github.com/google/go-cmp v0.6.0\n-- go.sum --\n',
    );
    await page.getByRole('button', { name: 'Load bundle' }).click();
    await page.getByText(/needs the go\.mod files of github\.com\/google\/go-cmp@v0\.6\.0/).first().waitFor();
    await page.getByRole('button', { name: 'Add file' }).click();
    await page.getByPlaceholder(/module@version/).fill('github.com/google/go-cmp@v0.6.0');
    await page.getByRole('textbox', { name: 'File content' }).fill('module github.com/google/go-cmp\n\ngo 1.13\n');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await harness.fileTab(page, 'github.com/google/go-cmp/@v/v0.6.0.mod').waitFor();
    await waitForCodes(page, ['sum-missing', 'sum-missing-zip']);
    await page.screenshot({ path: join(SCREENSHOTS, 'added-file.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('is usable with the keyboard alone, with a visible focus', async () => {
    const { context, page, problems } = await openPlayground();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'go.mod');
    }
    assert.ok(reached, 'Tab reaches the go.mod editor');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('module myproject\n\ngo 1.22.0\n');
    // The example's go.sum line for uuid is now unused.
    await waitForCodes(page, ['module-path-no-dot', 'sum-unused']);
    // On to the diagnostics: the location button takes the focus and shows an outline.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      if (label.startsWith('Go to')) break;
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, 'solid');
    await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-focus.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('fits a 700 px wide frame', async () => {
    const { context, page, problems } = await openPlayground({ width: 700, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow} px`);
    await page.screenshot({ path: join(SCREENSHOTS, 'narrow-700.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The real kubernetes go.mod and go.sum (without its dependencies' go.mod files, so the
  // module graph is not computed): the time the page reports for the analysis, and the time from
  // loading the bundle to the rendered diagnostics.
  test('records the analysis and render time of kubernetes\' go.mod and go.sum', async () => {
    const kubernetes = requireShared('corpus', 'kubernetes__kubernetes');
    const { context, page, problems } = await openPlayground();
    const bundle = `-- go.mod --\n${readFileSync(join(kubernetes, 'go.mod'), 'utf8')}-- go.sum --\n${readFileSync(join(kubernetes, 'go.sum'), 'utf8')}`;
    await page.getByRole('button', { name: 'Paste bundle' }).click();
    await page.getByRole('textbox', { name: 'Bundle (txtar)' }).fill(bundle);
    const started = Date.now();
    await page.getByRole('button', { name: 'Load bundle' }).click();
    await page.getByText(/Loaded a bundle of 2 files/).waitFor();
    await page.waitForFunction(() => document.querySelector('.editor-overlay')?.textContent.includes('k8s.io/kubernetes'));
    await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
    const wall = Date.now() - started;
    const text = await page.getByText(/analysed in/).textContent();
    const analysis = Number(text.match(/([0-9.]+) ms/)[1]);
    console.log(`kubernetes go.mod + go.sum: analysed in ${analysis} ms, loaded and rendered in ${wall} ms`);
    // The target (200 ms) is e2e/bench.test.mjs's to record and judge; this is a regression limit
    // with headroom for a loaded machine, the same as bench.test.mjs's for the analysis.
    assert.ok(analysis < 500, `analysis took ${analysis} ms`);
    // One keystroke at the end of the 1,700-line go.mod: time until the next frame is drawn
    // (the page has re-rendered the editor by then), then until the new analysis shows.
    const keystroke = await page.getByRole('textbox', { name: 'go.mod', exact: true }).evaluate(async (area) => {
      const t0 = performance.now();
      area.value += '// typed\n';
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return Math.round(performance.now() - t0);
    });
    console.log(`kubernetes go.mod: a keystroke is rendered in ${keystroke} ms`);
    await page.screenshot({ path: join(SCREENSHOTS, 'kubernetes.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  // Each Enter after the module line moves the go.mod requirement that sum-missing points at one
  // line down, so the diagnostic's location says which text the shown analysis is of: the time is
  // read only once the page shows the analysis of the text just typed, never the previous one's.
  // e2e/bench.test.mjs records this timing (its target is one frame, 16 ms) and judges it; here
  // it is printed, and the median is held under a regression limit with headroom for a loaded
  // machine, as bench.test.mjs does.
  test('re-analyses a typical go.mod on every keystroke', async () => {
    const { context, page, problems } = await openPlayground();
    await loadExample(page, '07-missing-go-sum-entry');
    await waitForCodes(page, ['sum-missing', 'sum-missing-zip']);
    // The first location on the line (an error and a warning may share it).
    const goTo = (line) => diagnosticsRegion(page).getByRole('button', { name: new RegExp(`^Go to go\\.mod:${line}:`) }).first();
    await goTo(6).waitFor();
    const editor = page.getByRole('textbox', { name: 'go.mod', exact: true });
    await editor.focus();
    await editor.press('ControlOrMeta+Home');
    await editor.press('End');
    const timings = [];
    for (let i = 1; i <= 5; i++) {
      await editor.press('Enter');
      await goTo(6 + i).waitFor();
      const text = await page.getByText(/analysed in/).textContent();
      timings.push(Number(text.match(/([0-9.]+) ms/)[1]));
    }
    await waitForCodes(page, ['not-formatted', 'sum-missing', 'sum-missing-zip']);
    console.log(`analysis times while typing (ms): ${timings.join(', ')}`);
    const median = [...timings].sort((a, b) => a - b)[2];
    assert.ok(median < 100, `analyses took ${timings} ms`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
