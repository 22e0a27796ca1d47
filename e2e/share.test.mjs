// Share links in the built site: every gallery example survives a round trip through its link
// (and a reload of it), the go.sum option shortens links without changing what they open, and
// corrupt, truncated or foreign fragments leave the page usable and the saved input untouched;
// an opened link leaves the address bar, so a reload keeps the work done since, and the input it
// replaced stays saved and one Undo away.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { fileTabNames, newPage, readExamples, SCREENSHOTS, start, waitForCodes, watch } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** `url` on a new watched page, in `context` or a fresh one, once it has analysed its input. */
async function open(url, context) {
  const opened = await newPage(env, { context });
  await opened.page.goto(url);
  await linkOpened(opened.page);
  return opened;
}

/**
 * Waits until the page has opened the link it was loaded with and analysed it. The page shows
 * its saved input until the browser has inflated the link, and then removes the fragment from
 * the address, so an analysis on screen before that is the saved input's.
 */
async function linkOpened(page) {
  await page.waitForFunction(() => location.hash === '');
  // A link may open any file in the editor, not only go.mod.
  await page.locator('#editor-input').waitFor();
  await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
}

/** Everything the state holds that the page shows: each file's text, the settings. */
async function visibleState(page) {
  const files = {};
  // The input files' tabs (the module views have tabs of their own).
  const fileTabs = page.getByRole('tablist', { name: 'Files' }).getByRole('tab');
  for (const [i, name] of (await fileTabNames(page)).entries()) {
    await fileTabs.nth(i).click();
    const editor = page.getByRole('textbox', { name, exact: true });
    files[name] = await editor.inputValue();
  }
  return {
    files,
    go: await page.getByRole('combobox', { name: 'Go version' }).inputValue(),
    toolchain: await page.getByRole('combobox', { name: 'GOTOOLCHAIN' }).inputValue(),
  };
}

async function shareLink(page, { noSums = false } = {}) {
  const toggle = page.getByRole('button', { name: 'Share', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const option = page.getByRole('checkbox', { name: /Leave out go\.sum hashes/ });
  if ((await option.isChecked()) !== noSums) await option.click();
  // The link is compressed asynchronously; the panel shows it (and says how many hashes it
  // leaves out) only once it matches the choice.
  await page.waitForFunction((noSums) => {
    const panel = document.querySelector('section.panel[aria-label="Share"]');
    const ready = panel?.querySelector('input.share-link');
    return ready && /hashes left out/.test(panel.textContent) === noSums;
  }, noSums);
  return page.getByRole('textbox', { name: 'Share link' }).inputValue();
}

describe('share links', () => {
  test('every gallery example opens identically from its link, and again after a reload', async () => {
    const { context, page, problems } = await open(env.site.url);
    const examples = readExamples();
    assert.ok(examples.length >= 12);
    for (const example of examples) {
      await page.getByRole('combobox', { name: 'Examples' }).selectOption(example.id);
      await waitForCodes(page, example.expect);
      const before = await visibleState(page);
      const link = await shareLink(page);
      assert.ok(link.startsWith(`${env.site.url}#`), link);
      const length = await page.locator('.share-length').textContent();
      assert.equal(length, `The link is ${link.length} characters long.`);

      // A fresh browser (no saved input) opens the link.
      const fresh = await open(link);
      await waitForCodes(fresh.page, example.expect);
      assert.deepEqual(await visibleState(fresh.page), before, example.id);
      // Its own link is the same link: nothing was lost or added on the way.
      assert.equal(await shareLink(fresh.page), link);
      await fresh.page.reload();
      await fresh.page.getByText(/analysed in [0-9.]+ ms/).waitFor();
      assert.deepEqual(await visibleState(fresh.page), before, `${example.id} after reload`);
      assert.deepEqual(fresh.problems, []);
      await fresh.context.close();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('leaving go.sum hashes out makes a shorter link that opens the same go.sum', async () => {
    const { context, page, problems } = await open(env.site.url);
    await page.getByRole('combobox', { name: 'Examples' }).selectOption('02-module-myproject');
    const before = await visibleState(page);
    const full = await shareLink(page);
    const short = await shareLink(page, { noSums: true });
    assert.ok(short.length < full.length, `${short.length} < ${full.length}`);
    assert.match(await page.locator('.share-sums').textContent(), /^1 go\.sum hashes left out .*; 1 kept: module zip hashes cannot be re-derived\.$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'share-panel.png'), fullPage: true });
    const fresh = await open(short);
    assert.deepEqual(await visibleState(fresh.page), before);
    assert.deepEqual(fresh.problems, []);
    await fresh.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a corrupt, truncated or newer fragment is refused clearly; the saved input stays', async () => {
    const { context, page, problems } = await open(env.site.url);
    await page.getByRole('combobox', { name: 'Examples' }).selectOption('07-missing-go-sum-entry');
    const mine = 'module example.com/mine\n\ngo 1.22\n';
    await page.getByRole('textbox', { name: 'go.mod', exact: true }).fill(mine);
    await page.waitForFunction((text) => (localStorage.getItem('gomodplay.files.v1') ?? '').includes(text), mine);
    const saved = await page.evaluate(() => localStorage.getItem('gomodplay.files.v1'));
    const good = await shareLink(page);
    const fragment = good.split('#')[1];
    const cases = [
      ['AQ%%%not-base64', /character 3 \('%'\) is not allowed/],
      [fragment.slice(0, 30), /cut short|impossible/],
      [`Ag${fragment.slice(2)}`, /format version 2/],
      ['AQ' + 'A'.repeat(40), /damaged|no files/],
    ];
    for (const [bad, reason] of cases) {
      const tab = await context.newPage();
      const tabProblems = [];
      watch(tab, env.site, tabProblems);
      await tab.goto(`${env.site.url}#${bad}`);
      const alert = tab.getByRole('alert').filter({ hasText: 'This share link cannot be opened' });
      await alert.waitFor();
      assert.match(await alert.textContent(), reason);
      // The saved input is what the page shows, and it is still saved as it was.
      const editor = tab.getByRole('textbox', { name: 'go.mod', exact: true });
      assert.equal(await editor.inputValue(), mine);
      await tab.getByText(/analysed in [0-9.]+ ms/).waitFor();
      assert.equal(await tab.evaluate(() => localStorage.getItem('gomodplay.files.v1')), saved);
      if (bad === cases[0][0]) await tab.screenshot({ path: join(SCREENSHOTS, 'share-corrupt.png') });
      await tab.getByRole('button', { name: 'Dismiss alert' }).click();
      assert.equal(await tab.getByRole('alert').count(), 0);
      if (bad === cases.at(-1)[0]) {
        // The editor still works after a refused link.
        const edited = `${mine}\nrequire example.com/x v1.0.0\n`;
        await editor.fill(edited);
        await tab.waitForFunction((text) => (localStorage.getItem('gomodplay.files.v1') ?? '').includes(text), edited);
      }
      assert.deepEqual(tabProblems, []);
      await tab.close();
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('opening a link puts the previous input on the undo stack', async () => {
    const { context, page, problems } = await open(env.site.url);
    await page.getByRole('combobox', { name: 'Examples' }).selectOption('14-bot-toolchain-line');
    const link = await shareLink(page);
    const mine = 'module example.com/undo\n';
    await page.getByRole('textbox', { name: 'go.mod', exact: true }).fill(mine);
    await page.waitForFunction((text) => (localStorage.getItem('gomodplay.files.v1') ?? '').includes(text), mine);
    const tab = await context.newPage();
    watch(tab, env.site, problems);
    await tab.goto(link);
    await linkOpened(tab);
    const editor = tab.getByRole('textbox', { name: 'go.mod', exact: true });
    assert.match(await editor.inputValue(), /toolchain go1\.22\.0/);
    await tab.getByRole('button', { name: /^Undo/ }).click();
    assert.equal(await editor.inputValue(), mine);
    // A link pasted into the address bar of the open page (only the fragment changes) opens too.
    await tab.evaluate(() => { location.hash = 'AQ%'; });
    const alert = tab.getByRole('alert').filter({ hasText: 'This share link cannot be opened' });
    await alert.waitFor();
    assert.equal(await editor.inputValue(), mine);
    await tab.evaluate((fragment) => { location.hash = fragment; }, link.split('#')[1]);
    await tab.waitForFunction(() => document.querySelector('#editor-input').value.includes('toolchain go1.22.0'));
    assert.equal(await alert.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an opened link leaves the address bar; a reload shows the shared input, and Undo the previous one', async () => {
    const { context, page, problems } = await open(env.site.url);
    await page.getByRole('combobox', { name: 'Examples' }).selectOption('14-bot-toolchain-line');
    const link = await shareLink(page);
    const mine = 'module example.com/before-the-link\n';
    await page.getByRole('textbox', { name: 'go.mod', exact: true }).fill(mine);
    await page.waitForFunction((text) => (localStorage.getItem('gomodplay.files.v1') ?? '').includes(text), mine);
    await page.close();
    // The recipient opens the link in a new tab of the same browser.
    const opened = await open(link, context);
    const tab = opened.page;
    const editor = tab.getByRole('textbox', { name: 'go.mod', exact: true });
    assert.match(await editor.inputValue(), /toolchain go1\.22\.0/);
    // The fragment is gone from the address (replaced, not a new history entry).
    assert.equal(tab.url(), env.site.url);
    // The shared input is now the saved one; the previous input is kept, one Undo away.
    await tab.waitForFunction(() => (localStorage.getItem('gomodplay.files.v1') ?? '').includes('toolchain go1.22.0'));
    assert.match(await tab.evaluate(() => localStorage.getItem('gomodplay.before-share.v1')), /before-the-link/);
    // Work done on the shared input survives a reload: the link is not opened again over it.
    const edited = `${await editor.inputValue()}// edited after opening the link\n`;
    await editor.fill(edited);
    await tab.waitForFunction((text) => (localStorage.getItem('gomodplay.files.v1') ?? '').includes(text), edited);
    await tab.reload();
    await tab.getByText(/analysed in [0-9.]+ ms/).waitFor();
    assert.equal(await editor.inputValue(), edited);
    assert.equal(await tab.getByText('Opened the state from the share link.').count(), 0);
    // After the reload Undo still brings back what the link replaced, and then nothing keeps it.
    const undo = tab.getByRole('button', { name: 'Undo opening a share link' });
    await undo.click();
    assert.equal(await editor.inputValue(), mine);
    await tab.waitForFunction(() => localStorage.getItem('gomodplay.before-share.v1') === null);
    await tab.waitForFunction((text) => (localStorage.getItem('gomodplay.files.v1') ?? '').includes(text), mine);
    await tab.reload();
    await tab.getByText(/analysed in [0-9.]+ ms/).waitFor();
    assert.equal(await editor.inputValue(), mine);
    assert.equal(await tab.getByRole('button', { name: /^Undo/ }).count(), 0);
    assert.deepEqual(problems, []);
    assert.deepEqual(opened.problems, []);
    await context.close();
  });
});
