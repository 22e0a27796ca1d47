// Browser tests of the module views (Build list, Graph, Conflicts, go.sum, What-if) in a build
// that includes them, with screenshots of each view in the light and the dark theme under
// e2e/screenshots/ (not committed; look at them).
//
// Expected outputs come from the go binary:
// - e2e/kube-go-list.txt is `go list -m all` on the kubernetes-scale bundle, written by
//   `node scripts/kube-bundle.mjs --verify > e2e/kube-go-list.txt` (Go 1.27.3, offline).
// - SMALL below is a universe checked by hand with go 1.27.3 in a GOPROXY=file:// layout (the
//   same files plus .info files), GOFLAGS=-mod=mod:
//     go list -m all        example.com/app, example.com/a v1.0.0, example.com/b v1.0.0,
//                           example.com/c v1.2.0
//     go mod graph          ... example.com/a@v1.0.0 example.com/c@v1.1.0,
//                           example.com/b@v1.0.0 example.com/c@v1.2.0 ...
//     go mod edit -require=example.com/a@v1.1.0; go list -m all
//                           example.com/a v1.1.0, example.com/b v1.0.0, example.com/c v1.3.0
//   and the go.sum go writes holds the go.mod hashes of a v1.0.0, b v1.0.0 and c v1.2.0; the
//   bundle leaves c's out (missing) and adds one line nothing needs (unused).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { gomodHash, kubeBundle } from '../scripts/kube-bundle.mjs';
import { ROOT, SCREENSHOTS, openPlayground, openView, pasteBundle, requireShared, start, viewTab } from './harness.mjs';


const mod = (path, requires = []) =>
  `module ${path}\n\ngo 1.22\n${requires.length ? `\nrequire ${requires.join('\n')}\n` : ''}`;
const SMALL_MODS = {
  'example.com/a/@v/v1.0.0.mod': mod('example.com/a', ['example.com/c v1.1.0']),
  'example.com/a/@v/v1.1.0.mod': mod('example.com/a', ['example.com/c v1.3.0']),
  'example.com/b/@v/v1.0.0.mod': mod('example.com/b', ['example.com/c v1.2.0']),
  'example.com/c/@v/v1.1.0.mod': mod('example.com/c'),
  'example.com/c/@v/v1.2.0.mod': mod('example.com/c'),
  'example.com/c/@v/v1.3.0.mod': mod('example.com/c'),
};
const SMALL_GO_MOD = 'module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\nrequire example.com/c v1.2.0 // indirect\n';
const SMALL_GO_SUM = [
  `example.com/a v1.0.0/go.mod ${gomodHash(SMALL_MODS['example.com/a/@v/v1.0.0.mod'])}`,
  `example.com/b v1.0.0/go.mod ${gomodHash(SMALL_MODS['example.com/b/@v/v1.0.0.mod'])}`,
  `example.com/old v1.0.0/go.mod ${gomodHash(mod('example.com/old'))}`,
].join('\n');
const SMALL = [
  `-- go.mod --\n${SMALL_GO_MOD}`,
  `-- go.sum --\n${SMALL_GO_SUM}\n`,
  '-- example.com/a/@v/list --\nv1.0.0\nv1.1.0\n',
  ...Object.entries(SMALL_MODS).map(([name, text]) => `-- ${name} --\n${text}`),
].join('');

// Each view's region name and the label of its tab.
const VIEWS = [
  ['Graph', 'Graph'],
  ['Build list', 'Build list'],
  ['Conflicts', 'Conflicts'],
  ['go.sum lines', 'go.sum'],
  ['What if', 'What-if'],
];

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const region = (page, name) => page.getByRole('region', { name, exact: true });

/** Screenshots of every view, named views-<view>-<scheme>.png. */
async function shootViews(page, scheme, prefix) {
  for (const [name, tab] of VIEWS) {
    const file = `${prefix}-${name.replace(/[^a-z]+/gi, '-').toLowerCase()}-${scheme}.png`;
    await openView(page, tab);
    await region(page, name).scrollIntoViewIfNeeded();
    await region(page, name).screenshot({ path: join(SCREENSHOTS, file) });
  }
}

/** The build list's rows as `go list -m all` prints them. */
async function buildListLines(page) {
  return region(page, 'Build list').locator('tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const [version, , replacement] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      const path = tr.querySelector('th').textContent.trim();
      return [path, version].filter(Boolean).join(' ') + (replacement ? ` => ${replacement}` : '');
    }),
  );
}

/**
 * The Diagnostics groups of a report with hundreds of findings: each severity group shows its
 * first 30 items (and a "Show all N" button beyond); one rule's notes on one file are one item
 * whose button says how many findings it holds and shows them; the notes start collapsed behind
 * a button that says how many.
 */
async function diagnosticsShowAll(page) {
  const diagnostics = page.getByRole('region', { name: 'Diagnostics', exact: true });
  const group = (name) => diagnostics.getByRole('region', { name, exact: true });
  const total = async (name) => Number((await group(name).locator('.group-title').textContent()).match(/\((\d+)\)$/)[1]);
  const items = (name) => group(name).locator(':scope > ul > li');
  const warnings = await total('Warnings');
  assert.ok(warnings > 0, `${warnings} warnings`);
  assert.equal(await items('Warnings').count(), Math.min(warnings, 30));
  const notes = await total('Notes');
  assert.ok(notes > 30, `${notes} notes`);
  assert.equal(await items('Notes').count(), 0);
  const showNotes = group('Notes').getByRole('button', { name: `Show the ${notes} notes` });
  assert.equal(await showNotes.getAttribute('aria-expanded'), 'false');
  await showNotes.click();
  const noteItems = await items('Notes').count();
  assert.ok(noteItems > 0 && noteItems < 30, `${noteItems} note items for ${notes} notes`);
  // go.sum's unused lines are one item; it opens to show each of them and their commands once.
  const unused = items('Notes').filter({ hasText: 'go.sum lines are not used' });
  const summary = await unused.locator('.diag-group-summary').textContent();
  const count = Number(summary.match(/^(\d+) /)[1]);
  assert.ok(count > 30, summary);
  const toggle = unused.getByRole('button', { name: `Show the ${count}` });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await unused.locator('.diag-group-members > li.diag').count(), count);
  assert.equal(await unused.locator('.diag-group-members .diag-commands').count(), 0);
  await unused.getByRole('button', { name: `Hide the ${count}` }).click();
  assert.equal(await unused.locator('.diag-group-members > li.diag').count(), 0);
}

describe('the module views', () => {
  test('the view tabs work with the keyboard', async () => {
    const { context, page, problems } = await openPlayground(env);
    await pasteBundle(page, SMALL);
    const selected = async () => {
      const tabs = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
      const states = await tabs.evaluateAll((ts) => ts.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.getAttribute('tabindex')]));
      const open = states.filter(([, s]) => s === 'true');
      assert.equal(open.length, 1, JSON.stringify(states));
      // Only the selected tab is in the tab order.
      assert.deepEqual(states.filter(([, , i]) => i === '0'), open.map(([l]) => [l, 'true', '0']));
      return open[0][0];
    };
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    assert.equal(await selected(), 'Graph');
    await viewTab(page, 'Graph').focus();
    for (const [key, tab, name] of [
      ['ArrowRight', 'Build list', 'Build list'],
      ['End', 'What-if', 'What if'],
      ['ArrowRight', 'Graph', 'Graph'],
      ['ArrowLeft', 'What-if', 'What if'],
      ['Home', 'Graph', 'Graph'],
      ['ArrowRight', 'Build list', 'Build list'],
      // The small universe has one conflict: the tab counts it.
      ['ArrowRight', 'Conflicts (1)', 'Conflicts'],
      ['ArrowRight', 'go.sum', 'go.sum lines'],
    ]) {
      await page.keyboard.press(key);
      await region(page, name).waitFor();
      assert.equal(await selected(), tab, key);
      assert.equal(await focused(), tab, `focus after ${key}`);
    }
    // Tab leaves the tab strip for the open panel.
    await page.keyboard.press('Tab');
    const panel = page.getByRole('tabpanel', { name: 'go.sum', exact: true });
    assert.equal(await panel.evaluate((el) => el === document.activeElement), true);
    await page.screenshot({ path: join(SCREENSHOTS, 'views-tabs-keyboard.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a share link made with the Build list tab open reopens with it open', async () => {
    const { context, page, problems } = await openPlayground(env);
    await pasteBundle(page, SMALL);
    await openView(page, 'Build list');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    const fresh = await openPlayground(env);
    await fresh.page.goto(link);
    await region(fresh.page, 'Build list').getByText('4 of 4 modules').waitFor();
    assert.equal(await viewTab(fresh.page, 'Build list').getAttribute('aria-selected'), 'true');
    assert.equal(await region(fresh.page, 'Graph').count(), 0);
    // The same files with the Graph tab open make a different link.
    await openView(page, 'Graph');
    // The new link is compressed asynchronously; until it is ready the panel shows no link.
    await page.waitForFunction((old) => {
      const input = document.querySelector('input.share-link');
      return input !== null && input.value !== old;
    }, link);
    assert.notEqual(await page.getByRole('textbox', { name: 'Share link' }).inputValue(), link);
    assert.deepEqual(fresh.problems, []);
    await fresh.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the views at 700 px', async () => {
    const { context, page, problems } = await openPlayground(env, { width: 700 });
    await pasteBundle(page, SMALL);
    await region(page, 'Graph').waitFor();
    await page.getByRole('tablist', { name: 'Views' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'views-tabs-700.png'), fullPage: true });
    // The tab strip fits: no tab is cut off at the right edge.
    const overflow = await page.getByRole('tablist', { name: 'Views' }).evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(overflow <= 0, `the tab strip overflows by ${overflow} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const scheme of ['light', 'dark']) {
    test(`a small universe: build list, graph, conflicts, go.sum lines and what-if (${scheme})`, async (t) => {
      const { context, page, problems } = await openPlayground(env, { colorScheme: scheme });
      await pasteBundle(page, SMALL);
      // The Graph tab is open by default, and only the open view is in the page.
      await region(page, 'Graph').waitFor();
      for (const [name] of VIEWS.slice(1)) assert.equal(await region(page, name).count(), 0, name);
      // Build list: what go list -m all prints.
      await openView(page, 'Build list');
      await region(page, 'Build list').getByText('4 of 4 modules').waitFor();
      assert.deepEqual(await buildListLines(page), ['example.com/app', 'example.com/a v1.0.0', 'example.com/b v1.0.0', 'example.com/c v1.2.0']);
      // Graph: an SVG with the module names; clicking one focuses it.
      await openView(page, 'Graph');
      const svg = region(page, 'Graph').locator('svg.graph-svg');
      for (const label of ['example.com/app', 'example.com/a@v1.0.0', 'example.com/b@v1.0.0', 'example.com/c@v1.2.0']) {
        await svg.getByRole('button', { name: label, exact: true }).waitFor();
      }
      await svg.getByRole('button', { name: 'example.com/c@v1.2.0', exact: true }).click();
      const focused = region(page, 'Graph').getByRole('complementary', { name: 'Focused module' });
      await focused.getByText('example.com/c', { exact: false }).first().waitFor();
      // The losing requirement on c (v1.1.0, from a) is drawn as an unselected node.
      await svg.getByRole('button', { name: 'example.com/c@v1.1.0', exact: true }).waitFor();
      // Conflicts: c is required at two versions (the tab counts them).
      await openView(page, 'Conflicts');
      assert.match(await page.getByRole('tab', { name: /^Conflicts/ }).textContent(), /^Conflicts \(\d+\)$/);
      const conflicts = region(page, 'Conflicts');
      assert.match(await conflicts.textContent(), /example\.com\/c/);
      // go.sum lines: a and b needed and present, c's go.mod hash missing, old unused.
      await openView(page, 'go.sum');
      const sum = region(page, 'go.sum lines');
      // (The view also lists the zip hashes a build would need; go list -m all needs none, so
      // only the go.mod lines are compared with go.)
      const sumRows = await sum.locator('tbody tr').evaluateAll((rows) =>
        rows.map((tr) => {
          const cells = [...tr.querySelectorAll('td')];
          return `${cells[1].textContent.trim()} ${cells[2].textContent.trim()} ${tr.querySelector('.status').textContent.trim()}`;
        }),
      );
      assert.deepEqual(
        sumRows.filter((r) => r.includes('/go.mod')).sort(),
        ['example.com/a v1.0.0/go.mod needed', 'example.com/b v1.0.0/go.mod needed', 'example.com/c v1.2.0/go.mod missing', 'example.com/old v1.0.0/go.mod unused'],
      );
      // What-if: raising a to v1.1.0 raises c to v1.3.0, as go does.
      await openView(page, 'What-if');
      const whatIf = region(page, 'What if');
      await whatIf.getByRole('combobox', { name: 'Module' }).fill('example.com/a');
      await whatIf.getByRole('combobox', { name: 'Version' }).fill('v1.1.0');
      await whatIf.getByRole('button', { name: 'Preview' }).click();
      const result = whatIf.getByRole('status').filter({ hasText: 'The new build list' });
      await result.waitFor();
      const changes = await whatIf.locator('.diff-list li').allTextContents();
      assert.deepEqual(changes.map((c) => c.replace(/\s+/g, ' ').trim()).sort(), ['example.com/a v1.0.0 → v1.1.0', 'example.com/c v1.2.0 → v1.3.0']);
      await shootViews(page, scheme, 'views-small');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('the kubernetes-scale bundle: the build list is what go list -m all prints', async (t) => {
    requireShared('corpus', 'kubernetes__kubernetes');
    const want = readFileSync(join(ROOT, 'e2e', 'kube-go-list.txt'), 'utf8').trimEnd().split('\n');
    for (const scheme of ['light', 'dark']) {
      const { context, page, problems } = await openPlayground(env, { colorScheme: scheme });
      await pasteBundle(page, kubeBundle());
      // Hundreds of dependency go.mod files: one select instead of a tab each.
      const deps = page.getByRole('combobox', { name: 'Dependency files' });
      assert.match(await deps.locator('option').first().textContent(), /^Dependencies \(\d+\)$/);
      assert.ok((await page.getByRole('tablist', { name: 'Files' }).getByRole('tab').count()) <= 12);
      if (scheme === 'light') await diagnosticsShowAll(page);
      await openView(page, 'Build list');
      const list = region(page, 'Build list');
      await list.getByText(`${want.length} of ${want.length} modules`).waitFor();
      // The first rows only, until asked for all.
      assert.equal(await list.locator('tbody tr').count(), 50);
      await list.getByRole('button', { name: `Show all ${want.length} modules` }).click();
      assert.deepEqual(await buildListLines(page), want);
      // The graph overview names the main module and its direct requirements.
      await openView(page, 'Graph');
      const svg = region(page, 'Graph').locator('svg.graph-svg');
      await svg.getByRole('button', { name: 'k8s.io/kubernetes', exact: true }).waitFor();
      const labels = await svg.getByRole('button').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
      const selected = new Set(want.map((line) => line.split(' => ')[0].replace(' ', '@')));
      assert.ok(labels.filter((l) => selected.has(l)).length >= 10, `graph labels: ${labels.join(', ')}`);
      await page.screenshot({ path: join(SCREENSHOTS, `views-kubernetes-page-${scheme}.png`), fullPage: true });
      await shootViews(page, scheme, 'views-kubernetes');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
