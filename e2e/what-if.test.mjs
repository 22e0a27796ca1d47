// Browser tests of the What-if view: the modules and versions of the input are suggested, a
// mistaken request is refused in words (a version that is not one, a module the files do not
// have, a version whose go.mod is not in the files) without any internal path, a computed one
// shows the equivalent go command with a Copy button and an "Apply to go.mod" button whose edit
// one Undo takes back. Screenshots go to e2e/screenshots/ (not committed; look at them).
//
// The bundle's facts were checked with go 1.27.3 in a GOPROXY=file:// layout (the same files plus
// .info files and module zips), GOFLAGS=-mod=mod, GOTOOLCHAIN=local:
//   go list -m all                 example.com/app, example.com/a v1.0.0, example.com/b v1.0.0,
//                                  example.com/c v1.2.0
//   go get example.com/a@v1.1.0    then go list -m all: a v1.1.0, b v1.0.0, c v1.3.0
// (the same changes the core's what-if cases compare with go in crates/gomod/testdata/what_if).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { gomodHash } from '../scripts/kube-bundle.mjs';
import { SCREENSHOTS, openPlayground, openView, pasteBundle, seriousAxeViolations, start } from './harness.mjs';

const mod = (path, requires = []) =>
  `module ${path}\n\ngo 1.22\n${requires.length ? `\nrequire ${requires.join('\n')}\n` : ''}`;
const MODS = {
  'example.com/a/@v/v1.0.0.mod': mod('example.com/a', ['example.com/c v1.1.0']),
  'example.com/a/@v/v1.1.0.mod': mod('example.com/a', ['example.com/c v1.3.0']),
  'example.com/b/@v/v1.0.0.mod': mod('example.com/b', ['example.com/c v1.2.0']),
  'example.com/c/@v/v1.1.0.mod': mod('example.com/c'),
  'example.com/c/@v/v1.2.0.mod': mod('example.com/c'),
  'example.com/c/@v/v1.3.0.mod': mod('example.com/c'),
};
const GO_MOD = 'module example.com/app\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\nrequire example.com/c v1.2.0 // indirect\n';
const GO_SUM = ['example.com/a/@v/v1.0.0.mod', 'example.com/b/@v/v1.0.0.mod', 'example.com/c/@v/v1.2.0.mod']
  .map((name) => {
    const [path, version] = name.replace('.mod', '').split('/@v/');
    return `${path} ${version}/go.mod ${gomodHash(MODS[name])}`;
  })
  .join('\n');
const BUNDLE = [
  `-- go.mod --\n${GO_MOD}`,
  `-- go.sum --\n${GO_SUM}\n`,
  ...Object.entries(MODS).map(([name, text]) => `-- ${name} --\n${text}`),
].join('');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const region = (page, name) => page.getByRole('region', { name, exact: true });

/** Fills the form (Raise) and asks for a preview. */
async function preview(whatIf, module, version) {
  await whatIf.getByRole('combobox', { name: 'Module' }).fill(module);
  await whatIf.getByRole('combobox', { name: 'Version' }).fill(version);
  await whatIf.getByRole('button', { name: 'Preview' }).click();
}

test('what-if: suggestions, refusals in words, the go command, Apply then Undo', async () => {
  const { context, page, problems } = await openPlayground(env);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env.site.url).origin });
  await pasteBundle(page, BUNDLE);
  await openView(page, 'What-if');
  const whatIf = region(page, 'What if');

  // The modules of the input are suggested, with their versions.
  const modules = await whatIf.locator('#what-if-modules option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(modules, ['example.com/a', 'example.com/b', 'example.com/c']);
  await whatIf.getByRole('combobox', { name: 'Module' }).fill('example.com/c');
  const versions = await whatIf.locator('#what-if-versions option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(versions, ['v1.1.0', 'v1.2.0', 'v1.3.0']);

  // A version that is not one.
  await preview(whatIf, 'example.com/a', 'banana');
  const alert = whatIf.getByRole('alert');
  await alert.filter({ hasText: 'banana' }).waitFor();
  assert.equal(
    (await alert.textContent()).trim(),
    '“banana” is not a version: go wants a semantic version with a leading v, such as v1.2.3.',
  );
  assert.equal(await whatIf.getByRole('button', { name: 'Apply to go.mod' }).count(), 0);
  assert.equal(await whatIf.getByRole('button', { name: 'Copy command' }).count(), 0);

  // A module the files do not have.
  await preview(whatIf, 'example.com/nope', 'v1.0.0');
  await alert.filter({ hasText: 'example.com/nope' }).waitFor();
  assert.match(await alert.textContent(), /^example\.com\/nope is not in your files/);

  // A version whose go.mod is not in the files: said so, with the versions that are, and the
  // command to run where the module proxy is reachable.
  await preview(whatIf, 'example.com/a', 'v1.2.0');
  await alert.filter({ hasText: 'v1.2.0' }).waitFor();
  const missing = await alert.textContent();
  assert.match(missing, /^The go\.mod file of example\.com\/a@v1\.2\.0 is not in your files/);
  assert.match(missing, /Versions in your files: v1\.0\.0, v1\.1\.0\./);
  assert.doesNotMatch(await whatIf.textContent(), /file:\/\/|\/proxy\//);
  assert.equal((await whatIf.locator('.what-if-command pre').textContent()).trim(), '$ go get example.com/a@v1.2.0');

  // A change the files can answer: the new build list, the command, Copy, Apply, Undo.
  await preview(whatIf, 'example.com/a', 'v1.1.0');
  const result = whatIf.getByRole('status').filter({ hasText: 'The new build list' });
  await result.waitFor();
  const changes = await whatIf.locator('.diff-list li').allTextContents();
  assert.deepEqual(changes.map((c) => c.replace(/\s+/g, ' ').trim()).sort(), ['example.com/a v1.0.0 → v1.1.0', 'example.com/c v1.2.0 → v1.3.0']);
  assert.equal((await whatIf.locator('.what-if-command pre').textContent()).trim(), '$ go get example.com/a@v1.1.0');
  assert.deepEqual(await seriousAxeViolations(page, { include: '.what-if' }), []);
  await whatIf.screenshot({ path: join(SCREENSHOTS, 'what-if-result-light.png') });
  await whatIf.getByRole('button', { name: 'Copy command' }).click();
  await page.getByText('Copied: go get example.com/a@v1.1.0').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'go get example.com/a@v1.1.0');

  const goMod = page.getByRole('textbox', { name: 'go.mod', exact: true });
  await whatIf.getByRole('button', { name: 'Apply to go.mod' }).click();
  await page.getByText('Applied to go.mod what `go get example.com/a@v1.1.0` writes.').waitFor();
  const applied = await goMod.inputValue();
  assert.match(applied, /\texample\.com\/a v1\.1\.0\n/);
  assert.match(applied, /example\.com\/c v1\.3\.0 \/\/ indirect/);
  await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
  await page.getByRole('button', { name: /^Undo/ }).click();
  await page.getByText('Undid applying “go get example.com/a@v1.1.0” to go.mod.').waitFor();
  assert.equal(await goMod.inputValue(), GO_MOD);
  assert.deepEqual(problems, []);
  await context.close();
});
