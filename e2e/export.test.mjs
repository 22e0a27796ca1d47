// Browser tests of the Export menus (issue 14, "take it away"): on every gallery example whose
// graph resolves, the Graph view's DOT and Mermaid downloads and the Build list's text and CSV
// downloads are byte for byte the core's goldens (crates/gomod/testdata/export/golden/ID.*, read
// in place; `gomodplay graph --format dot|mermaid` and `gomodplay list --format text|csv` print
// the same, crates/gomodplay-cli/tests/export_cli.rs). The drawings (SVG, PNG) are checked for
// being well-formed files of the graph. axe-core reports no serious or critical violation with
// a menu open.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, SCREENSHOTS, openPlayground, openView, readExamples, seriousAxeViolations, start, waitForCodes } from './harness.mjs';

const GOLDEN = join(ROOT, 'crates', 'gomod', 'testdata', 'export', 'golden');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const region = (page, name) => page.getByRole('region', { name, exact: true });

/** Opens the Export menu of the view `name` (once) and returns it. */
async function openMenu(page, name) {
  const menu = region(page, name).locator('details.export-menu');
  if (!(await menu.evaluate((el) => el.open))) {
    await menu.locator('summary').click();
  }
  await menu.getByRole('group', { name: 'Export' }).waitFor();
  return menu;
}

/** Clicks the menu entry named `entry` in view `view` and returns the download: { name, bytes }. */
async function download(page, view, entry) {
  const menu = await openMenu(page, view);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: entry, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the Export menus', () => {
  test('DOT, Mermaid, text and CSV downloads are the core\'s goldens on every gallery example', async () => {
    const { context, page, problems } = await openPlayground(env);
    const examples = readExamples().filter((e) => existsSync(join(GOLDEN, `${e.id}.dot`)));
    assert.ok(examples.length >= 12, `only ${examples.length} gallery examples have export goldens`);
    for (const example of examples) {
      await page.getByRole('combobox', { name: 'Examples' }).selectOption(example.id);
      await waitForCodes(page, example.expect);
      const golden = (ext) => readFileSync(join(GOLDEN, `${example.id}.${ext}`), 'utf8');
      await openView(page, 'Graph');
      const dot = await download(page, 'Graph', 'Export DOT');
      assert.equal(dot.name, 'module-graph.dot');
      assert.equal(dot.bytes.toString('utf8'), golden('dot'), `${example.id}: DOT`);
      const mermaid = await download(page, 'Graph', 'Export Mermaid');
      assert.equal(mermaid.name, 'module-graph.mmd');
      assert.equal(mermaid.bytes.toString('utf8'), golden('mmd'), `${example.id}: Mermaid`);
      await openView(page, 'Build list');
      const csv = await download(page, 'Build list', 'Export build list as CSV');
      assert.equal(csv.name, 'build-list.csv');
      assert.equal(csv.bytes.toString('utf8'), golden('csv'), `${example.id}: CSV`);
      const text = await download(page, 'Build list', 'Export build list as Text');
      assert.equal(text.name, 'build-list.txt');
      assert.equal(text.bytes.toString('utf8'), golden('txt'), `${example.id}: text`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`SVG and PNG are the drawn graph; axe finds nothing serious with the menus open (${scheme})`, async () => {
      const { context, page, problems } = await openPlayground(env, { colorScheme: scheme });
      // An example whose graph has several modules (the opening one stops before resolving).
      const example = readExamples().find((e) => e.id === '07-missing-go-sum-entry');
      await page.getByRole('combobox', { name: 'Examples' }).selectOption(example.id);
      await waitForCodes(page, example.expect);
      await openView(page, 'Graph');
      const graph = region(page, 'Graph');
      const svg = (await download(page, 'Graph', 'Export SVG'));
      assert.equal(svg.name, 'module-graph.svg');
      const svgText = svg.bytes.toString('utf8');
      assert.match(svgText, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      // Every module label drawn on the page is in the file.
      const labels = await graph.locator('svg text').allTextContents();
      assert.ok(labels.length > 0);
      for (const label of labels) {
        const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        assert.ok(svgText.includes(escaped), `label ${label} missing in the SVG`);
      }
      const png = await download(page, 'Graph', 'Export PNG');
      assert.equal(png.name, 'module-graph.png');
      assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // The menu closes once an entry is chosen; opened again, it is checked and shown.
      assert.equal(await graph.locator('details.export-menu').evaluate((el) => el.open), false);
      await openMenu(page, 'Graph');
      assert.deepEqual(await seriousAxeViolations(page, { include: '.graph-view .view-toolbar' }), []);
      await graph.screenshot({ path: join(SCREENSHOTS, `export-menu-graph-${scheme}.png`) });
      await openView(page, 'Build list');
      await openMenu(page, 'Build list');
      assert.deepEqual(await seriousAxeViolations(page, { include: '.build-list .view-toolbar' }), []);
      await region(page, 'Build list').screenshot({ path: join(SCREENSHOTS, `export-menu-build-list-${scheme}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
