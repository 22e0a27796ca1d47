// The documentation page (dist/docs/index.html), in Chromium, served under a sub-path with the
// rest of the site: it lists every rule of the core's catalogue (as `gomodplay rules --format
// json` prints it) with its severity, summary, explanation and example, its live JavaScript API
// example runs, and it loads nothing from other hosts and logs no errors. Screenshots (light,
// dark, narrow) go to e2e/screenshots/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { DIST, ROOT, SCREENSHOTS, newPage, start } from './harness.mjs';

/** The catalogue as the CLI prints it from the core. */
function catalogue() {
  const json = execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'gomodplay-cli', '--', 'rules', '--format', 'json'], {
    cwd: ROOT,
  });
  return JSON.parse(json);
}

/** Explanation text as the page shows it: paragraphs, with the backticks of code spans gone. */
const asShown = (text) => text.split('\n\n').map((p) => p.replaceAll('`', ''));

let env;

before(async () => {
  assert.ok(existsSync(join(DIST, 'docs', 'index.html')), 'dist/docs/index.html is missing: run `make dist` first');
  env = await start();
});

after(async () => {
  await env?.stop();
});

/** Opens the docs page on a watched page (see harness.mjs: errors, foreign requests). */
async function openDocs(options) {
  const { context, page, problems } = await newPage(env, options);
  await page.goto(`${env.site.url}docs/`);
  await page.getByRole('heading', { name: 'gomodplay documentation', level: 1 }).waitFor();
  return { context, page, problems };
}

describe('the documentation page', () => {
  test('lists every rule of the catalogue, in order, with its text and an example', async () => {
    const rules = catalogue();
    assert.ok(rules.length >= 30, `only ${rules.length} rules`);
    const { context, page, problems } = await openDocs();
    const sections = page.locator('section.rule');
    assert.deepEqual(await sections.evaluateAll((all) => all.map((s) => s.dataset.code)), rules.map((r) => r.code));
    assert.equal(await page.locator('#rule-count').textContent(), String(rules.length));
    for (const rule of rules) {
      const section = page.locator(`section#rule-${rule.code}`);
      assert.equal(await section.getByRole('heading', { level: 3 }).textContent(), `${rule.code} ${rule.severity}`);
      const paragraphs = await section.locator(':scope > p:not(.findings-label)').allTextContents();
      assert.deepEqual(paragraphs, [rule.summary.replaceAll('`', ''), ...asShown(rule.explanation)], rule.code);
      // The example: a bundle (embed.js hides the block and frames a playground of it), and the
      // findings gomodplay reports on it, which include this rule.
      assert.match(await section.locator('pre.gomodplay').textContent(), /^-- .+ --$/m, rule.code);
      assert.ok((await section.locator('pre.findings').textContent()).includes(`${rule.severity}[${rule.code}]: `), rule.code);
      // The index links to it.
      assert.equal(await page.locator(`.rule-index a[href="#rule-${rule.code}"]`).count(), 1, rule.code);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'docs-top.png') });
    await page.locator('#rule-duplicate-require').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'docs-rule.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('its JavaScript API example runs the package from ../pkg/', async () => {
    const { context, page, problems } = await openDocs();
    const output = page.locator('#api-output');
    await page.getByText('Ready.', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'analyze' }).click();
    // The sample requires example.com/x twice.
    assert.match(await output.textContent(), /^go\.mod:6:2: error\[duplicate-require\]: example\.com\/x is required twice/m);
    await page.getByRole('button', { name: 'applyFixes' }).click();
    assert.ok((await output.textContent()).includes('-- go.mod --\nmodule example.com/m\n\ngo 1.22.0\n\nrequire example.com/x v1.3.0\n'));
    await page.getByRole('button', { name: 'format go.mod' }).click();
    // go mod edit -fmt keeps both lines of the block (go 1.27.3), only the layout is canonical.
    assert.equal(await output.textContent(), 'module example.com/m\n\ngo 1.22.0\n\nrequire (\n\texample.com/x v1.2.0\n\texample.com/x v1.3.0\n)\n');
    // go mod edit -fmt (go 1.27.3) on these two lines: "go.mod:2: usage: require module/path v1.2.3".
    await page.locator('#api-input').fill('-- go.mod --\nmodule example.com/m\nrequire example.com/x\n');
    await page.getByRole('button', { name: 'format go.mod' }).click();
    assert.equal(await output.textContent(), 'Error: go.mod:2: usage: require module/path v1.2.3');
    await page.locator('#js-api').screenshot({ path: join(SCREENSHOTS, 'docs-js-api.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('reads well in the dark theme and at 700 px', async () => {
    const dark = await openDocs({ colorScheme: 'dark' });
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(17, 20, 23)', 'the dark theme of style.css');
    await dark.page.screenshot({ path: join(SCREENSHOTS, 'docs-dark.png') });
    assert.deepEqual(dark.problems, []);
    await dark.context.close();
    const narrow = await openDocs({ width: 700, height: 900 });
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling at 700 px');
    await narrow.page.screenshot({ path: join(SCREENSHOTS, 'docs-700.png') });
    assert.deepEqual(narrow.problems, []);
    await narrow.context.close();
  });
});
