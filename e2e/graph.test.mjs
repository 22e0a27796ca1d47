// Browser tests of the Graph view's reading aids and its keyboard and assistive-technology
// support (issue 14, points 2 and 4): the requirement tree beside the drawing (a WAI-ARIA tree),
// "Search modules" (filters the tree, marks the drawing, Enter focuses the first match), the
// why-chains of the focused module drawn on the graph, zoom and pan with the keyboard, the mouse
// and touch (pointer events), the keyboard focus never falling to the page's body, and axe-core
// reporting no serious or critical violation in the view (also with a node selected and on the
// kubernetes-scale bundle). Screenshots of the kubernetes graph and tree in both themes go to
// e2e/screenshots/graph-kubernetes-*.png (not committed; look at them).
//
// The small universe is the one views.test.mjs checks against go 1.27.3: app requires a v1.0.0
// and b v1.0.0; a v1.0.0 requires c v1.1.0, which loses to b's c v1.2.0.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { kubeBundle } from '../scripts/kube-bundle.mjs';
import { SCREENSHOTS, openPlayground, openView, pasteBundle, requireShared, seriousAxeViolations, start } from './harness.mjs';

const mod = (path, requires = []) =>
  `module ${path}\n\ngo 1.22\n${requires.length ? `\nrequire ${requires.join('\n')}\n` : ''}`;
const SMALL = [
  '-- go.mod --\nmodule example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\nrequire example.com/c v1.2.0 // indirect\n',
  `-- example.com/a/@v/v1.0.0.mod --\n${mod('example.com/a', ['example.com/c v1.1.0'])}`,
  `-- example.com/b/@v/v1.0.0.mod --\n${mod('example.com/b', ['example.com/c v1.2.0'])}`,
  `-- example.com/c/@v/v1.1.0.mod --\n${mod('example.com/c')}`,
  `-- example.com/c/@v/v1.2.0.mod --\n${mod('example.com/c')}`,
].join('');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const graphRegion = (page) => page.getByRole('region', { name: 'Graph', exact: true });
const AXE_SCOPE = { include: ['section.graph-view'] };

/** What has the keyboard focus: `role name` (the aria-label, or the text), or `body`. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    // A tree row is named by its module version (its note, if any, follows).
    const name =
      role === 'treeitem'
        ? `${el.querySelector('.tree-path').textContent}${el.querySelector('.tree-version')?.textContent ?? ''}`
        : el.getAttribute('aria-label') ?? el.textContent.trim().replace(/\s+/g, ' ');
    return `${role} ${name}`;
  });

/** The tree's visible rows as `level label`, e.g. `2 example.com/a v1.0.0`. */
const treeRows = (page) =>
  graphRegion(page)
    .getByRole('treeitem')
    .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-level')} ${r.querySelector('.tree-path').textContent}${r.querySelector('.tree-version')?.textContent ?? ''}`));

/** The drawing's transform: translate(x y) scale(s). */
const viewportTransform = (page) => graphRegion(page).locator('g.graph-viewport').getAttribute('transform');
const zoomLabel = (page) => graphRegion(page).locator('.graph-zoom').textContent();

async function openSmall(options) {
  const opened = await openPlayground(env, options);
  await pasteBundle(opened.page, SMALL);
  await openView(opened.page, 'Graph');
  await graphRegion(opened.page).getByRole('tree', { name: 'Requirements' }).waitFor();
  return opened;
}

describe('the Graph view: reading aids, keyboard and assistive technology', () => {
  test('axe finds no serious or critical violation, before and with a node selected', async () => {
    const { context, page, problems } = await openSmall();
    const svg = graphRegion(page).locator('svg.graph-svg');
    await svg.getByRole('button', { name: 'example.com/c@v1.2.0', exact: true }).waitFor();
    // The drawing is a group of labelled buttons, not an image holding buttons.
    assert.equal(await svg.getAttribute('role'), 'group');
    assert.deepEqual(await seriousAxeViolations(page, AXE_SCOPE), []);
    await svg.getByRole('button', { name: 'example.com/c@v1.2.0', exact: true }).click();
    await graphRegion(page).getByRole('complementary', { name: 'Focused module' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page, AXE_SCOPE), []);
    // With a search that marks some nodes and dims the rest.
    await graphRegion(page).getByRole('searchbox', { name: 'Search modules' }).fill('example.com/b');
    await graphRegion(page).locator('.node-match').first().waitFor();
    assert.deepEqual(await seriousAxeViolations(page, AXE_SCOPE), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the requirement tree: selected versions first, lost versions dimmed with the version selected, WAI-ARIA keys', async () => {
    const { context, page, problems } = await openSmall();
    const tree = graphRegion(page).getByRole('tree', { name: 'Requirements' });
    // app requires c v1.2.0 itself (// indirect): it is one of app's rows.
    assert.deepEqual(await treeRows(page), ['1 example.com/app', '2 example.com/a v1.0.0', '2 example.com/b v1.0.0', '2 example.com/c v1.2.0']);
    const row = (name) => tree.getByRole('treeitem', { name, exact: true });
    // One tab stop: the first row.
    assert.deepEqual(await tree.getByRole('treeitem').evaluateAll((rows) => rows.map((r) => r.tabIndex)), [0, -1, -1, -1]);
    await row('example.com/app').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'treeitem example.com/a v1.0.0');
    assert.equal(await row('example.com/a v1.0.0').getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('ArrowRight');
    assert.equal(await row('example.com/a v1.0.0').getAttribute('aria-expanded'), 'true');
    assert.equal(await focused(page), 'treeitem example.com/a v1.0.0');
    await page.keyboard.press('ArrowRight');
    // a asked for c v1.1.0, which lost to v1.2.0: dimmed, and the row says so.
    const lost = tree.getByRole('treeitem', { name: /^example\.com\/c v1\.1\.0/ });
    assert.equal(await focused(page), 'treeitem example.com/c v1.1.0');
    assert.equal(await lost.getAttribute('aria-level'), '3');
    assert.match(await lost.getAttribute('class'), /\btree-dimmed\b/);
    assert.match(await lost.textContent(), /v1\.2\.0 selected/);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(page), 'treeitem example.com/a v1.0.0');
    await page.keyboard.press('End');
    assert.equal(await focused(page), 'treeitem example.com/c v1.2.0');
    await page.keyboard.press('Home');
    assert.equal(await focused(page), 'treeitem example.com/app');
    // Enter selects: the graph focuses the module, and the keyboard focus stays on the row.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await graphRegion(page).getByRole('complementary', { name: 'Focused module' }).getByText('example.com/b', { exact: true }).waitFor();
    assert.equal(await row('example.com/b v1.0.0').getAttribute('aria-selected'), 'true');
    assert.equal(await focused(page), 'treeitem example.com/b v1.0.0');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('search filters the tree, marks the drawing and Enter focuses the first match', async () => {
    const { context, page, problems } = await openSmall();
    const region = graphRegion(page);
    const search = region.getByRole('searchbox', { name: 'Search modules' });
    await search.fill('example.com/c');
    // The tree shows only the chains to the matches (c is reached through a and b).
    await region.locator('.tree-match').first().waitFor();
    // The shortest chain to each version: app → a → c v1.1.0, app → c v1.2.0; b is not shown.
    assert.deepEqual(await treeRows(page), ['1 example.com/app', '2 example.com/a v1.0.0', '3 example.com/c v1.1.0', '2 example.com/c v1.2.0']);
    const matchedRows = await region.locator('.tree-match .tree-path').allTextContents();
    assert.ok(matchedRows.length > 0 && matchedRows.every((p) => p === 'example.com/c'), matchedRows.join(', '));
    // The drawing marks the matching nodes and dims the others.
    const marked = await region.locator('svg .node-match').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    const dimmed = await region.locator('svg .node-dim').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
    assert.ok(marked.length > 0 && marked.every((l) => l.startsWith('example.com/c@')), marked.join(', '));
    assert.ok(dimmed.includes('example.com/app') && dimmed.every((l) => !l.startsWith('example.com/c')), dimmed.join(', '));
    await search.press('Enter');
    assert.match(await focused(page), /^button example\.com\/c@v1\.[12]\.0$/);
    // A search that matches nothing says so instead of leaving an empty tree.
    await search.fill('no-such-module');
    await region.getByText('No module matches the search.').waitFor();
    assert.equal(await region.locator('svg .node-match').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every node is reachable by keyboard, and Enter or a click keeps the focus on it', async () => {
    const { context, page, problems } = await openSmall();
    const region = graphRegion(page);
    const svg = region.locator('svg.graph-svg');
    const nodes = svg.getByRole('button');
    const labels = await nodes.evaluateAll((all) => all.map((n) => n.getAttribute('aria-label')));
    assert.equal(labels.length, 5, labels.join(', '));
    // One tab stop in the drawing: Tab from the canvas reaches a node.
    assert.equal((await nodes.evaluateAll((all) => all.filter((n) => n.tabIndex === 0))).length, 1);
    await region.locator('.graph-canvas').focus();
    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.match(first, /^button /);
    // The arrow keys visit every node, in reading order, and stay in the drawing.
    await page.keyboard.press('Home');
    const visited = [await focused(page)];
    for (let i = 1; i < labels.length; i++) {
      await page.keyboard.press('ArrowRight');
      visited.push(await focused(page));
    }
    assert.deepEqual([...visited].sort(), labels.map((l) => `button ${l}`).sort());
    // Enter on a node focuses its module: the drawing is replaced, the focus follows its node.
    await page.keyboard.press('Enter');
    // (Focusing a version that lost focuses its path: the selected version's node takes the focus.)
    const targetPath = visited.at(-1).slice('button '.length).split('@')[0];
    await region.getByRole('complementary', { name: 'Focused module' }).waitFor();
    const afterEnter = await focused(page);
    assert.ok(afterEnter.startsWith(`button ${targetPath}`), afterEnter);
    assert.match(await svg.locator('.node-focus').getAttribute('aria-label'), new RegExp(`^${targetPath.replace(/[./]/g, '\\$&')}`));
    // A click does the same for another node.
    await svg.getByRole('button', { name: 'example.com/b@v1.0.0', exact: true }).click();
    await region.getByRole('complementary', { name: 'Focused module' }).getByText('example.com/b', { exact: true }).waitFor();
    assert.equal(await focused(page), 'button example.com/b@v1.0.0');
    assert.match(await svg.getByRole('button', { name: 'example.com/b@v1.0.0', exact: true }).getAttribute('class'), /\bnode-focus\b/);
    // Escape goes back to the overview and the focus to the main module's node.
    await page.keyboard.press('Escape');
    await region.getByRole('complementary', { name: 'Focused module' }).waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'button example.com/app');
    // "Back to overview" disappears with the panel: the focus moves to the main module too.
    await svg.getByRole('button', { name: 'example.com/c@v1.2.0', exact: true }).click();
    await region.getByRole('button', { name: 'Back to overview' }).click();
    assert.equal(await focused(page), 'button example.com/app');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the why-chains of the focused module are drawn on the graph', async () => {
    const { context, page, problems } = await openSmall();
    const region = graphRegion(page);
    assert.equal(await region.locator('svg .edge-chain').count(), 0);
    await region.locator('svg').getByRole('button', { name: 'example.com/c@v1.2.0', exact: true }).click();
    await region.getByRole('complementary', { name: 'Focused module' }).waitFor();
    // The chains the focus panel lists: app → c v1.2.0, app → b → c v1.2.0 and app → a → c v1.1.0.
    assert.equal(await region.locator('svg .edge-chain').count(), 5);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('zoom and pan with the keyboard, the mouse and touch', async () => {
    const { context, page, problems } = await openSmall();
    const region = graphRegion(page);
    const canvas = region.locator('.graph-canvas');
    assert.equal(await zoomLabel(page), '100%');
    // Keyboard: + and - zoom, 0 resets, the arrow keys pan while the canvas has the focus.
    await canvas.focus();
    await page.keyboard.press('+');
    assert.equal(await zoomLabel(page), '125%');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    assert.equal(await zoomLabel(page), '80%');
    await page.keyboard.press('0');
    assert.equal(await zoomLabel(page), '100%');
    const before = await viewportTransform(page);
    await page.keyboard.press('ArrowLeft');
    const panned = await viewportTransform(page);
    assert.notEqual(panned, before);
    assert.equal(await focused(page), `group ${await canvas.getAttribute('aria-label')}`);
    // Mouse: Ctrl + wheel zooms around the pointer, a drag pans.
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + 40, box.y + box.height - 40);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    assert.equal(await zoomLabel(page), '125%');
    const beforeDrag = await viewportTransform(page);
    await page.mouse.down();
    await page.mouse.move(box.x + 140, box.y + box.height - 90, { steps: 5 });
    await page.mouse.up();
    const [x0, y0] = beforeDrag.match(/-?\d+/g).map(Number);
    const [x1, y1] = (await viewportTransform(page)).match(/-?\d+/g).map(Number);
    assert.deepEqual([x1 - x0, y1 - y0], [100, -50]);
    // A drag that ends on a node does not select it.
    assert.equal(await region.getByRole('complementary', { name: 'Focused module' }).count(), 0);
    // Touch: one finger pans, two fingers pinch (pointer events, as a touch screen sends them).
    const touch = (type, id, x, y) =>
      canvas.evaluate(
        (el, [type, id, x, y]) => el.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 11, clientX: x, clientY: y, bubbles: true })),
        [type, id, box.x + x, box.y + y],
      );
    const beforeTouch = await viewportTransform(page);
    await touch('pointerdown', 11, 200, 200);
    await touch('pointermove', 11, 230, 220);
    await touch('pointermove', 11, 260, 240);
    await touch('pointerup', 11, 260, 240);
    const [tx0, ty0] = beforeTouch.match(/-?\d+/g).map(Number);
    const [tx1, ty1] = (await viewportTransform(page)).match(/-?\d+/g).map(Number);
    assert.deepEqual([tx1 - tx0, ty1 - ty0], [60, 40]);
    await touch('pointerdown', 11, 200, 200);
    await touch('pointerdown', 12, 300, 200);
    await touch('pointermove', 12, 400, 200);
    await touch('pointerup', 12, 400, 200);
    await touch('pointerup', 11, 200, 200);
    // The fingers moved from 100 px apart to 200: twice the zoom.
    assert.equal(await zoomLabel(page), '250%');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the kubernetes-scale bundle: axe, keyboard focus and screenshots of the graph and tree', async () => {
    requireShared('corpus', 'kubernetes__kubernetes');
    for (const scheme of ['light', 'dark']) {
      const { context, page, problems } = await openPlayground(env, { colorScheme: scheme, width: 1440, height: 1000 });
      await pasteBundle(page, kubeBundle());
      await openView(page, 'Graph');
      const region = graphRegion(page);
      const svg = region.locator('svg.graph-svg');
      const main = svg.getByRole('button', { name: 'k8s.io/kubernetes', exact: true });
      await main.waitFor();
      const tree = region.getByRole('tree', { name: 'Requirements' });
      assert.ok((await tree.getByRole('treeitem').count()) > 30);
      if (scheme === 'light') assert.deepEqual(await seriousAxeViolations(page, AXE_SCOPE), []);
      await region.scrollIntoViewIfNeeded();
      await region.screenshot({ path: join(SCREENSHOTS, `graph-kubernetes-overview-${scheme}.png`) });
      // Select a module from the tree with the keyboard: the tree keeps the focus.
      const row = tree.getByRole('treeitem', { name: /^golang\.org\/x\/net v/ }).first();
      await row.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await region.getByRole('complementary', { name: 'Focused module' }).getByText('golang.org/x/net', { exact: true }).waitFor();
      assert.match(await focused(page), /^treeitem golang\.org\/x\/net v/);
      assert.ok((await svg.locator('.edge-chain').count()) > 0);
      if (scheme === 'light') assert.deepEqual(await seriousAxeViolations(page, AXE_SCOPE), []);
      await region.screenshot({ path: join(SCREENSHOTS, `graph-kubernetes-focus-${scheme}.png`) });
      // Search: the tree narrows to the chains to the matches; Enter focuses the first one drawn.
      const search = region.getByRole('searchbox', { name: 'Search modules' });
      await search.fill('yaml');
      await region.locator('.tree-match').first().waitFor();
      // The tree narrows from the main module's 236 requirements to the chains to the matches.
      const shown = await tree.getByRole('treeitem').count();
      assert.ok(shown < 40, `${shown} rows while searching`);
      const matched = await tree.locator('.tree-match .tree-path').allTextContents();
      assert.ok(matched.length > 0 && matched.every((p) => p.includes('yaml')), matched.join(', '));
      await search.press('Enter');
      assert.match(await focused(page), /^button .*yaml/);
      if (scheme === 'light') assert.deepEqual(await seriousAxeViolations(page, AXE_SCOPE), []);
      await region.screenshot({ path: join(SCREENSHOTS, `graph-kubernetes-search-${scheme}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
