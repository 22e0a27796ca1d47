// Embed mode and embed.js in the built site: a host page (served by the test on the site's
// origin) frames the playground and gets its ready and resize messages; embed.js turns a
// <pre class="gomodplay"> and a <gomod-playground> into sized iframes; readonly=1 and every view=
// render the compact widget without the page's banner; the Embed panel gives the iframe code (with
// the host script that sizes it) and the embed.js code, each copied by its button; two frames on
// one host page, by either snippet, are each exactly as tall as their content.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

import { newPage, readExamples, SCREENSHOTS, start, waitForCodes, watch } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** A page at `path` under the site whose HTML is `html` (the test serves it; same origin). */
async function host(path, html) {
  const { context, page, problems } = await newPage(env, { width: 1100, height: 900 });
  const url = new URL(path, env.site.url).href;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
  return { context, page, problems };
}

/** The fragment of a gallery example, made by the playground's own Share panel. */
async function exampleFragment(id) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.site.url);
  await page.getByRole('combobox', { name: 'Examples' }).selectOption(id);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await context.close();
  return link.split('#')[1];
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

describe('embedding', () => {
  test('a host page receives ready and resize messages and sizes the iframe', async () => {
    const fragment = await exampleFragment('07-missing-go-sum-entry');
    const { context, page, problems } = await host('host.html', `<!doctype html><title>host</title>
      <p>Host page</p>
      <iframe id="f" title="playground" style="width:100%;height:150px;border:0"
        src="index.html?embed=1&amp;view=diagnostics#${fragment}"></iframe>
      <script>
        window.received = [];
        addEventListener('message', (e) => {
          received.push(e.data);
          if (e.data.type === 'gomodplay:resize') document.getElementById('f').style.height = e.data.height + 'px';
        });
      </script>`);
    await page.waitForFunction(() => received.some((m) => m.type === 'gomodplay:ready') && received.some((m) => m.type === 'gomodplay:resize'));
    const frame = page.frameLocator('#f');
    await waitForCodes(frame, ['sum-missing', 'sum-missing-zip']);
    await page.waitForTimeout(200);
    const { last, height } = await page.evaluate(() => ({
      last: received.filter((m) => m.type === 'gomodplay:resize').at(-1),
      height: document.getElementById('f').getBoundingClientRect().height,
    }));
    assert.ok(last.height > 150, JSON.stringify(last));
    assert.equal(Math.round(height), last.height);
    // No banner, toolbar or footer; an "Open in playground" link to the same state.
    assert.equal(await frame.locator('.site-header, .site-footer, .toolbar').count(), 0);
    const open = frame.getByRole('link', { name: 'Open in playground' });
    assert.equal((await open.getAttribute('href')).split('#')[1], fragment);
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-host.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('readonly=1 shows the input as text and every view= renders', async () => {
    const fragment = await exampleFragment('02-module-myproject');
    // Builds with the module views show them; builds without fall back to the diagnostics.
    const probe = await env.browser.newPage();
    await probe.goto(env.site.url);
    await probe.getByText(/analysed in [0-9.]+ ms/).waitFor();
    const withViews = (await probe.locator('.module-views').count()) > 0;
    await probe.close();
    const shown = {
      diagnostics: 'Diagnostics',
      fixes: 'Diagnostics',
      graph: withViews ? 'Graph' : 'Diagnostics',
      build: withViews ? 'Build list' : 'Diagnostics',
    };
    for (const view of ['diagnostics', 'graph', 'build', 'fixes']) {
      const context = await env.browser.newContext({ viewport: { width: 900, height: 700 } });
      const page = await context.newPage();
      const problems = [];
      watch(page, env.site, problems);
      await page.goto(`${env.site.url}?embed=1&readonly=1&view=${view}#${fragment}`);
      const widget = page.locator(`.embed.embed-readonly[data-view="${view}"]`);
      await widget.waitFor();
      const result = page.getByRole('region', { name: `Result: ${view}` });
      await result.waitFor();
      await result.getByRole('heading', { name: shown[view], exact: true }).waitFor();
      // Read-only: the text is there, no text box to type into.
      assert.match(await page.locator('.embed-text').textContent(), /^module myproject\n/);
      assert.equal(await page.getByRole('textbox', { name: 'go.mod', exact: true }).count(), 0);
      assert.equal(await page.locator('h1').count(), 0);
      // Nothing that would change the input is offered.
      assert.equal(await page.getByRole('button', { name: /^(Apply|Remove)/ }).count(), 0);
      // Embedding never touches the playground's saved input.
      assert.equal(await page.evaluate(() => localStorage.getItem('gomodplay.files.v1')), null);
      await page.screenshot({ path: join(SCREENSHOTS, `embed-${view}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('embed.js upgrades <pre class="gomodplay"> and <gomod-playground> into sized iframes', async () => {
    const example = readExamples().find((e) => e.id === '07-missing-go-sum-entry');
    const { context, page, problems } = await host('docs/embed-host.html', `<!doctype html><title>docs</title>
      <h1>Docs</h1>
      <pre class="gomodplay" data-view="diagnostics" data-height="200">${escape(example.text)}</pre>
      <gomod-playground view="diagnostics" readonly>module example.com/plain

go 1.22.0
</gomod-playground>
      <script src="../embed.js" defer></script>`);
    const frames = page.locator('iframe.gomodplay-frame');
    await frames.nth(1).waitFor();
    assert.equal(await frames.count(), 2);
    assert.equal(await page.locator('pre.gomodplay').isHidden(), true);
    const first = page.frameLocator('iframe.gomodplay-frame >> nth=0');
    await waitForCodes(first, example.expect);
    // The frame follows the height the playground posts (it starts at data-height, 200 px).
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe.gomodplay-frame');
      return f.getBoundingClientRect().height !== 200;
    });
    const src = await frames.nth(0).getAttribute('src');
    assert.ok(src.startsWith(`${env.site.url}index.html?embed=1&view=diagnostics#`), src);
    // Share-link format 1, written by plain JavaScript: the byte 1, then raw DEFLATE of the txtar
    // with the view in its header.
    const payload = Buffer.from(src.split('#')[1], 'base64url');
    assert.equal(payload[0], 1);
    const text = inflateRawSync(payload.subarray(1)).toString('utf8');
    assert.ok(text.startsWith(`view: diagnostics\n${example.text}`), text);
    const second = page.frameLocator('iframe.gomodplay-frame >> nth=1');
    assert.match(await second.locator('.embed-text').textContent(), /^module example\.com\/plain\n/);
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-js.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the Embed panel gives both snippets with Copy buttons and links the documentation', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.site.url).origin });
    const page = await context.newPage();
    const problems = [];
    watch(page, env.site, problems);
    await page.goto(env.site.url);
    const { iframe, embedJs } = await embedSnippets(page, '02-module-myproject', 'graph');
    assert.match(iframe, /^<iframe src="[^"]+\?embed=1&amp;view=graph#A[A-Za-z0-9_-]+" title="gomodplay: Go modules playground" loading="lazy"/);
    assert.match(iframe, /addEventListener\("message"/);
    assert.match(embedJs, /^<script src="[^"]+\/embed\.js" defer><\/script>\n<pre class="gomodplay" data-view="graph" data-go-version="[0-9.]+" data-gotoolchain="local">-- go\.mod --\nmodule myproject\n/);
    const docs = page.getByRole('link', { name: /Embedding, documented/ });
    assert.equal(await docs.getAttribute('href'), 'docs/#embed');
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-panel.png'), fullPage: true });
    await docs.click();
    await page.getByRole('heading', { name: 'Embedding', exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  /** Waits until every frame on the host page is exactly as tall as its widget and does not scroll. */
  async function everyFrameFits(page, count) {
    await page.waitForFunction((count) => {
      const frames = [...document.querySelectorAll('iframe')];
      return frames.length === count && frames.every((frame) => {
        const doc = frame.contentDocument;
        const widget = doc?.querySelector('.embed');
        if (!widget || !doc.querySelector('.diag-code, .graph-canvas, .build-list, .pane-title')) return false;
        const want = Math.ceil(widget.getBoundingClientRect().height);
        // clientHeight: the frame's inside, without the border embed.js draws around it.
        return frame.clientHeight === want
          && doc.documentElement.scrollHeight <= doc.documentElement.clientHeight;
      });
    }, count, { timeout: 20000 });
    return page.evaluate(() => [...document.querySelectorAll('iframe')].map((frame) => ({
      frame: frame.clientHeight,
      content: frame.contentDocument.querySelector('.embed').getBoundingClientRect().height,
      scroll: frame.contentDocument.documentElement.scrollHeight,
    })));
  }

  test('two frames from the iframe snippet on one page each size to their own content', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.site.url).origin });
    const page = await context.newPage();
    await page.goto(env.site.url);
    const first = (await embedSnippets(page, '07-missing-go-sum-entry', 'diagnostics')).iframe;
    const second = (await embedSnippets(page, '02-module-myproject', 'build')).iframe;
    await context.close();
    const { context: hostContext, page: hostPage, problems } = await host('two-frames.html', `<!doctype html><title>host</title>
      <h1>Two frames</h1>${first}<p>Between the frames.</p>${second}<p>After the frames.</p>`);
    const sizes = await everyFrameFits(hostPage, 2);
    console.log('iframe snippet frames (frame, content, document scroll height):', JSON.stringify(sizes));
    // Different content, different heights: each frame got its own message.
    assert.notEqual(Math.round(sizes[0].frame), Math.round(sizes[1].frame));
    await hostPage.screenshot({ path: join(SCREENSHOTS, 'embed-two-iframes.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await hostContext.close();
  });

  test('two frames from the embed.js snippet on one page each size to their own content', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.site.url).origin });
    const page = await context.newPage();
    await page.goto(env.site.url);
    const first = (await embedSnippets(page, '07-missing-go-sum-entry', 'diagnostics')).embedJs;
    const second = (await embedSnippets(page, '02-module-myproject', 'build')).embedJs;
    await context.close();
    // embed.js is loaded once; the second snippet's script line is left out, as a page would.
    const { context: hostContext, page: hostPage, problems } = await host('two-embeds.html', `<!doctype html><title>host</title>
      <h1>Two embeds</h1>${first}<p>Between the frames.</p>${second.split('\n').slice(1).join('\n')}<p>After the frames.</p>`);
    const sizes = await everyFrameFits(hostPage, 2);
    console.log('embed.js frames (frame, content, document scroll height):', JSON.stringify(sizes));
    assert.notEqual(Math.round(sizes[0].frame), Math.round(sizes[1].frame));
    await hostPage.screenshot({ path: join(SCREENSHOTS, 'embed-two-embed-js.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await hostContext.close();
  });
});

/**
 * Loads an example, opens the Embed panel for `view`, and copies both snippets with their Copy
 * buttons; returns what the clipboard held each time (and checks the panel said "Copied.").
 */
async function embedSnippets(page, example, view) {
  await page.getByRole('combobox', { name: 'Examples' }).selectOption(example);
  const toggle = page.getByRole('button', { name: 'Embed', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('combobox', { name: 'Embedded view' }).selectOption(view);
  const copied = {};
  for (const [key, label] of [['iframe', 'Iframe code'], ['embedJs', 'embed.js code']]) {
    const shown = await page.getByRole('textbox', { name: label, exact: true }).inputValue();
    const button = page.getByRole('button', { name: `Copy ${label.toLowerCase()}`, exact: true });
    await button.click();
    const status = button.locator('xpath=following-sibling::*[@role="status"]');
    await page.waitForFunction((el) => el.textContent === 'Copied.', await status.elementHandle());
    copied[key] = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied[key], shown);
  }
  return copied;
}
