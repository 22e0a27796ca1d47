// Accessibility as a test (issue 15, item 6): axe-core finds no serious or critical violation in
// each state a user reaches (the first page in light and dark, a kubernetes-scale paste, every
// module view, a fix preview open), and the keyboard journeys work: the Files tab strip follows
// the WAI-ARIA tabs pattern, Escape closes each toolbar panel and gives the focus back to its
// button, a skip link is the first tab stop and leads to the editor, and the live region speaks
// only when the number of problems changes.
//
// axe's results per state are also written to e2e/screenshots/a11y-axe.json, with the
// screenshots (1280×800, light and dark) for a human to look at.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { kubeBundle } from '../scripts/kube-bundle.mjs';
import * as harness from './harness.mjs';
import { SCREENSHOTS, fileTab, fileTabNames, openView, pasteBundle, requireShared, seriousAxeViolations, start, waitForCodes } from './harness.mjs';

const VIEWS = ['Graph', 'Build list', 'Conflicts', 'go.sum', 'What-if'];
const PANELS = ['Add file', 'Paste bundle', 'Paste an error', 'Share', 'Embed'];

let env;
const axeResults = {};
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
  writeFileSync(join(SCREENSHOTS, 'a11y-axe.json'), `${JSON.stringify(axeResults, null, 2)}\n`);
});

/** A fresh page at 1280×800 in the colour scheme, with its first analysis shown. */
const openPlayground = (colorScheme = 'light') => harness.openPlayground(env, { colorScheme, width: 1280, height: 800 });

/** Waits until the Diagnostics region describes the input as it is now. */
async function analysed(page) {
  await page.waitForFunction(() => {
    const summary = document.querySelector('.diag-summary')?.textContent ?? '';
    return summary !== '' && !summary.startsWith('Out of date');
  });
  await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
}

/**
 * Scans the page with axe and records under `state` its serious and critical violations, and
 * the moderate `region` rule's too (content outside every landmark); the test asserts at its end
 * that every recorded state is clean, so one failing state does not hide the others.
 */
async function scan(page, state, seen) {
  const lines = await seriousAxeViolations(page);
  const outside = await page.evaluate(async () => {
    const results = await window.axe.run(document, { runOnly: ['region'], resultTypes: ['violations'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
  });
  seen[state] = [...lines, ...outside];
  axeResults[state] = seen[state];
}

/** Asserts that every state `seen` recorded is free of violations. */
function assertClean(seen) {
  const dirty = Object.fromEntries(Object.entries(seen).filter(([, lines]) => lines.length > 0));
  assert.deepEqual(dirty, {});
}

/** A file's tab, whether or not it is marked as having findings. */
const fileTabNamed = (page, name) => fileTab(page, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(has findings\\))?$`));

/** The element that has the focus, described for assertions. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName, id: e?.id ?? '', role: e?.getAttribute('role') ?? '', text: e?.textContent?.trim() ?? '', label: e?.getAttribute('aria-label') ?? '' };
  });

describe('axe finds no serious or critical violation', () => {
  for (const scheme of ['light', 'dark']) {
    test(`on the first page (${scheme})`, async () => {
      const { context, page, problems } = await openPlayground(scheme);
      await analysed(page);
      await page.screenshot({ path: join(SCREENSHOTS, `a11y-initial-${scheme}.png`) });
      const seen = {};
      await scan(page, `initial page (${scheme})`, seen);
      assertClean(seen);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`after the kubernetes paste and in every module view (${scheme})`, async () => {
      requireShared('corpus', 'kubernetes__kubernetes');
      const { context, page, problems } = await openPlayground(scheme);
      await pasteBundle(page, kubeBundle());
      await analysed(page);
      await page.screenshot({ path: join(SCREENSHOTS, `a11y-kubernetes-${scheme}.png`) });
      const seen = {};
      await scan(page, `kubernetes paste (${scheme})`, seen);
      for (const view of VIEWS) {
        await openView(page, view);
        await page.locator('#view-panel').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, `a11y-view-${view.replace(/[^a-z]+/gi, '-').toLowerCase()}-${scheme}.png`) });
        await scan(page, `kubernetes, ${view} view (${scheme})`, seen);
      }
      assertClean(seen);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`after the kubernetes paste on a 390 px wide screen (${scheme})`, async () => {
      requireShared('corpus', 'kubernetes__kubernetes');
      const { context, page, problems } = await harness.openPlayground(env, { colorScheme: scheme, width: 390, height: 800 });
      await pasteBundle(page, kubeBundle());
      await analysed(page);
      const seen = {};
      await scan(page, `kubernetes paste at 390 px (${scheme})`, seen);
      assertClean(seen);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test(`with a fix preview open (${scheme})`, async () => {
      const { context, page, problems } = await openPlayground(scheme);
      await page.getByRole('combobox', { name: 'Examples' }).selectOption('14-bot-toolchain-line');
      await waitForCodes(page, ['toolchain-not-above-go']);
      await page.getByRole('region', { name: 'Diagnostics', exact: true }).getByRole('button', { name: /^Apply fix/ }).first().click();
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `a11y-fix-preview-${scheme}.png`) });
      const seen = {};
      await scan(page, `fix preview (${scheme})`, seen);
      assertClean(seen);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

/**
 * The lowest contrast of the editor's coloured text (the overlay that draws the text area's text:
 * hidden from screen readers, so axe does not measure it) against the background it is drawn
 * on: { ratio, sample }.
 */
const lowestEditorContrast = (page) =>
  page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    // The colour an element's text is drawn on: its own and its ancestors' backgrounds, blended.
    const background = (element) => {
      const layers = [];
      for (let e = element; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) layers.push(c);
        if (c && c.a === 1) break;
      }
      return layers.reduceRight((under, layer) => over(layer, under), { r: 255, g: 255, b: 255, a: 1 });
    };
    const luminance = ({ r, g, b }) => {
      const [R, G, B] = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    let lowest = { ratio: Infinity, sample: '' };
    for (const span of document.querySelectorAll('.editor-overlay span')) {
      if (!span.textContent.trim() || span.children.length > 0) continue;
      const fg = parse(getComputedStyle(span).color);
      if (!fg || fg.a === 0) continue;
      const bg = background(span);
      const [l1, l2] = [luminance(over(fg, bg)), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio, sample: `${span.className}: ${span.textContent.slice(0, 40)}` };
    }
    return lowest;
  });

describe('contrast of the editor text, which axe does not see', () => {
  for (const scheme of ['light', 'dark']) {
    test(`every coloured token meets 4.5:1 (${scheme})`, async () => {
      requireShared('corpus', 'kubernetes__kubernetes');
      const { context, page, problems } = await openPlayground(scheme);
      await pasteBundle(page, kubeBundle());
      await analysed(page);
      for (const file of ['go.mod', 'go.sum']) {
        await fileTabNamed(page, file).click();
        await page.waitForFunction((want) => document.getElementById('editor-input').getAttribute('aria-label') === want, file);
        if (file === 'go.sum') await page.screenshot({ path: join(SCREENSHOTS, `a11y-gosum-editor-${scheme}.png`) });
        const lowest = await lowestEditorContrast(page);
        axeResults[`editor ${file} lowest token contrast (${scheme})`] = [`${lowest.ratio.toFixed(2)}:1 (${lowest.sample})`];
        assert.ok(lowest.ratio >= 4.5, `${file} (${scheme}): ${lowest.ratio.toFixed(2)}:1 for ${lowest.sample}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('keyboard journeys', () => {
  test('the skip link is the first tab stop and moves the focus to the editor', async () => {
    const { context, page, problems } = await openPlayground();
    const address = page.url();
    await page.keyboard.press('Tab');
    const link = await focused(page);
    assert.deepEqual([link.tag, link.text], ['A', 'Skip to editor']);
    // Shown while it has the focus.
    const box = await page.getByRole('link', { name: 'Skip to editor' }).boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 0, `the focused skip link is off screen: ${JSON.stringify(box)}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'a11y-skip-link.png'), clip: { x: 0, y: 0, width: 640, height: 120 } });
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'editor-input');
    // The page reads its fragment as a share link: the skip link leaves the address alone.
    assert.equal(page.url(), address);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the Files tabs follow the WAI-ARIA tabs pattern', async () => {
    const { context, page, problems } = await openPlayground();
    const tablist = page.getByRole('tablist', { name: 'Files' });
    const names = await fileTabNames(page);
    assert.ok(names.length >= 3, `the first example has ${names.length} file tabs`);
    assert.deepEqual(names.slice(0, 2), ['go.mod', 'go.sum']);
    const last = names.at(-1);
    // The strip holds only tabs (the Remove button sits after it).
    assert.equal(await tablist.locator(':scope button:not([role=tab])').count(), 0);

    /** The focused tab, the selected tab, the tabs in the tab order and the editor's file. */
    const where = () =>
      page.evaluate(() => {
        const list = document.querySelector('[role=tablist][aria-label=Files]');
        const tabs = [...list.querySelectorAll('[role=tab]')];
        const name = (tab) => tab?.firstChild?.textContent?.trim();
        return {
          focused: list.contains(document.activeElement) ? name(document.activeElement) : null,
          selected: tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map(name),
          tabStops: tabs.filter((t) => t.tabIndex === 0).map(name),
          editor: document.getElementById('editor-input').getAttribute('aria-label'),
        };
      });
    const expectAt = async (name) => {
      await page.waitForFunction((want) => document.getElementById('editor-input').getAttribute('aria-label') === want, name);
      assert.deepEqual(await where(), { focused: name, selected: [name], tabStops: [name], editor: name });
    };

    await fileTabNamed(page, 'go.mod').focus();
    await expectAt('go.mod');
    await page.keyboard.press('ArrowRight');
    await expectAt('go.sum');
    await page.keyboard.press('End');
    await expectAt(last);
    await page.keyboard.press('ArrowRight');
    await expectAt('go.mod');
    await page.keyboard.press('ArrowLeft');
    await expectAt(last);
    await page.keyboard.press('Home');
    await expectAt('go.mod');
    // One tab stop: Tab leaves the strip.
    await page.keyboard.press('Tab');
    assert.equal((await where()).focused, null);
    // Delete removes an added file, and the focus stays in the strip.
    await fileTabNamed(page, last).click();
    await expectAt(last);
    await page.keyboard.press('Delete');
    await page.getByText(`Removed ${last}.`).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'tab');
    assert.equal(await tablist.getByRole('tab').count(), names.length - 1);
    assert.equal((await where()).tabStops.length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Escape closes each toolbar panel and gives the focus back to its button', async () => {
    const { context, page, problems } = await openPlayground();
    for (const name of PANELS) {
      const button = page.getByRole('button', { name, exact: true });
      await button.click();
      assert.equal(await button.getAttribute('aria-expanded'), 'true', name);
      const panel = page.locator('header .panel');
      await panel.waitFor();
      // The focus inside the panel, on its first field or button.
      await panel.locator('input, textarea, select, button').first().focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      assert.equal(await button.getAttribute('aria-expanded'), 'false', name);
      const now = await focused(page);
      assert.deepEqual([now.tag, now.text], ['BUTTON', name], `the focus after Escape in ${name}`);
    }
    // A panel's own Close button gives the focus back too.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('header .panel').getByRole('button', { name: 'Close' }).click();
    await page.locator('header .panel').waitFor({ state: 'detached' });
    assert.equal((await focused(page)).text, 'Share');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the live region speaks only when the number of problems changes', async () => {
    const { context, page, problems } = await openPlayground();
    await analysed(page);
    // The timing line stays visible (other tests wait on it) but is in no live region.
    const timing = page.getByText(/analysed in [0-9.]+ ms/);
    assert.equal(await timing.evaluate((e) => e.closest('[aria-live], [role=status], [role=log], [role=alert]')?.outerHTML ?? null), null);
    const live = page.locator('#analysis-announcement');
    assert.equal(await live.getAttribute('role'), 'status');
    const before = await live.textContent();
    assert.match(before, /^Analysis: /);
    // Every change of the live region's text, as a screen reader would be told of it.
    await live.evaluate((region) => {
      window.announced = [];
      new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { subtree: true, childList: true, characterData: true });
    });
    const editor = page.getByRole('textbox', { name: 'go.mod', exact: true });
    await editor.focus();
    // Typing a comment at the end of the module line, key by key (the comment marker in one
    // input, as a lone "/" would be a syntax error): analysed after every keystroke, same
    // problems, silence.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' //');
    await page.keyboard.type(' a comment that changes nothing', { delay: 20 });
    await analysed(page);
    assert.deepEqual(await page.evaluate(() => window.announced), []);
    assert.equal(await live.textContent(), before);
    // A new requirement on a line of its own brings new problems: announced once the analysis
    // has them.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('require example.com/extra v1.0.0');
    await analysed(page);
    await page.waitForFunction((text) => document.getElementById('analysis-announcement').textContent !== text, before);
    const announced = await page.evaluate(() => window.announced);
    assert.ok(announced.length >= 1, 'the changed count was not announced');
    assert.notEqual(announced.at(-1), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
