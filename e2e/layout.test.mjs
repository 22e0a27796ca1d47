// The first screen (issue 15, item 1's layout part): at 1280×800 it shows the editor, the
// diagnostics and the start of the module views, on the first page and after a kubernetes-scale
// paste; on narrower screens the layout becomes one column and the editor is as tall as its text
// (within limits), so a short go.mod leaves room for the diagnostics. Screenshots at 1280×800,
// 800 and 390 px wide, light and dark, go to e2e/screenshots/layout-*.png for a human to look at.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { kubeBundle } from '../scripts/kube-bundle.mjs';
import * as harness from './harness.mjs';
import { SCREENSHOTS, pasteBundle, requireShared, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** The top and bottom (page coordinates, px) of the parts of the first screen that matter. */
const boxes = (page) =>
  page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { top: Math.round(r.top + window.scrollY), bottom: Math.round(r.bottom + window.scrollY), height: Math.round(r.height) };
    };
    return {
      editor: box('.editor'),
      diagnostics: box('.diagnostics .pane-header'),
      viewTabs: box('.view-tabs'),
      lines: document.getElementById('editor-input').value.split('\n').length,
      pageWidth: document.documentElement.scrollWidth,
    };
  });

describe('the first screen', () => {
  for (const scheme of ['light', 'dark']) {
    test(`at 1280×800 shows the editor, the diagnostics and the module views' tabs (${scheme})`, async () => {
      requireShared('corpus', 'kubernetes__kubernetes');
      const { context, page, problems } = await harness.openPlayground(env, { colorScheme: scheme, width: 1280, height: 800 });
      await page.screenshot({ path: join(SCREENSHOTS, `layout-1280x800-${scheme}.png`) });
      const first = await boxes(page);
      assert.ok(first.viewTabs.bottom <= 800, `first page: the module views' tabs end at ${first.viewTabs.bottom} px`);
      assert.ok(first.diagnostics.bottom <= 800, `first page: the diagnostics start at ${first.diagnostics.top} px`);
      // A six-line go.mod: the editor follows its text, it does not take half the screen.
      // (20 px a line, 24 px of padding and one line's room for a scroll bar, or 10rem at least.)
      const fits = Math.max(160, first.lines * 20 + 44);
      assert.ok(first.editor.height <= fits + 2, `first page: the editor is ${first.editor.height} px high for ${first.lines} lines`);

      await pasteBundle(page, kubeBundle());
      await page.screenshot({ path: join(SCREENSHOTS, `layout-1280x800-kubernetes-${scheme}.png`) });
      const kube = await boxes(page);
      assert.ok(kube.viewTabs.bottom <= 800, `kubernetes: the module views' tabs end at ${kube.viewTabs.bottom} px`);
      assert.equal(kube.pageWidth, 1280, 'kubernetes: the page scrolls sideways');
      assert.deepEqual(problems, []);
      await context.close();
    });

    for (const width of [800, 390]) {
      // At 390 px the header alone (the example's description wraps to many lines) takes about
      // 480 px: there the editor starts on the first screen and the diagnostics follow it.
      const where = width === 800 ? 'the diagnostics' : 'the editor';
      test(`at ${width} px wide is one column, with ${where} on the first screen (${scheme})`, async () => {
        const { context, page, problems } = await harness.openPlayground(env, { colorScheme: scheme, width, height: 800 });
        await page.screenshot({ path: join(SCREENSHOTS, `layout-${width}-${scheme}.png`) });
        const first = await boxes(page);
        const gap = first.diagnostics.top - first.editor.bottom;
        // Below the editor: its drop hint, then the diagnostics.
        assert.ok(gap > 0 && gap < 120, `${width} px: the diagnostics start ${gap} px below the editor`);
        const fits = Math.max(160, first.lines * 20 + 44);
        assert.ok(first.editor.height <= fits + 2, `${width} px: the editor is ${first.editor.height} px high for ${first.lines} lines`);
        assert.ok(first.editor.top < 800, `${width} px: the editor starts at ${first.editor.top} px`);
        if (width === 800) assert.ok(first.diagnostics.bottom <= 800, `${width} px: the diagnostics start at ${first.diagnostics.top} px`);
        assert.equal(first.pageWidth, width, `${width} px: the page scrolls sideways`);
        await page.screenshot({ path: join(SCREENSHOTS, `layout-${width}-full-${scheme}.png`), fullPage: true });
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});
