// A clean start in the built site: New leaves an empty go.mod one Undo away from the files it
// replaced; "Your input" in the examples menu never keeps an example's files; a dropped bundle
// replaces the files as Paste bundle does, says so, and can be undone; the first screen shows the
// editor, the diagnostics and the start of the module views at 1280×800, 800 px and 390 px wide,
// in light and dark (screenshots in e2e/screenshots/start-*.png).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { fileTabNames, openPlayground, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const goMod = (page) => page.getByRole('textbox', { name: 'go.mod', exact: true });
const examples = (page) => page.getByRole('combobox', { name: 'Examples' });
const notice = (page) => page.locator('.notice[role="status"]');

/** Drops files on the workspace as a user dragging them from a file manager would. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const [name, text] of files) transfer.items.add(new File([text], name));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
}

describe('a clean start', () => {
  test('New leaves an empty go.mod, says Undo brings the files back, and Undo does', async () => {
    const { context, page, problems } = await openPlayground(env);
    const before = await fileTabNames(page);
    assert.deepEqual(before, ['go.mod', 'go.sum', 'github.com/google/uuid/@v/v1.6.0.mod']);
    const exampleText = await goMod(page).inputValue();
    await page.getByRole('button', { name: 'New', exact: true }).click();
    assert.deepEqual(await fileTabNames(page), ['go.mod', 'go.sum']);
    assert.match(await goMod(page).inputValue(), /^module example\.com\/m\n\ngo 1\.\d+\.\d+\n$/);
    assert.match(await notice(page).textContent(), /Started a new input: .* Undo brings the previous files back\./);
    assert.equal(await examples(page).inputValue(), '');
    await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
    // The template is a clean input: nothing to report.
    await page.getByText(/No problems found|no problems/i).first().waitFor();
    await page.getByRole('button', { name: /^Undo/ }).click();
    assert.deepEqual(await fileTabNames(page), before);
    assert.equal(await goMod(page).inputValue(), exampleText);
    assert.equal(await examples(page).inputValue(), '01-go-version-build-script');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"Your input" never keeps the example\'s files', async () => {
    const { context, page, problems } = await openPlayground(env);
    // Straight from the first example: there is no input of the user's yet, so the page starts new.
    await examples(page).selectOption('');
    assert.deepEqual(await fileTabNames(page), ['go.mod', 'go.sum']);
    assert.match(await goMod(page).inputValue(), /^module example\.com\/m\n/);
    // The user's own files, then two examples, then "Your input": the user's files come back.
    const mine = 'module example.com/mine\n\ngo 1.22.0\n';
    await goMod(page).fill(mine);
    await examples(page).selectOption('07-missing-go-sum-entry');
    await examples(page).selectOption('02-module-myproject');
    await examples(page).selectOption('');
    assert.equal(await goMod(page).inputValue(), mine);
    assert.deepEqual(await fileTabNames(page), ['go.mod', 'go.sum']);
    assert.match(await notice(page).textContent(), /Back to your input/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a dropped bundle replaces the files like Paste bundle, says so, and Undo brings them back', async () => {
    const { context, page, problems } = await openPlayground(env);
    // A single dropped file joins the files it belongs with.
    await drop(page, [['go.work', 'go 1.22.0\n\nuse .\n']]);
    await page.getByText('Loaded go.work.').waitFor();
    const before = await fileTabNames(page);
    assert.ok(before.includes('go.work'), before.join(' '));
    await drop(page, [['other.txtar', '-- go.mod --\nmodule example.com/dropped\n\ngo 1.22.0\n-- go.sum --\n']]);
    await page.getByText(/in place of your files/).waitFor();
    assert.match(await notice(page).textContent(), /^Loaded the dropped bundle other\.txtar in place of your files \(go\.mod, go\.sum\)\. Undo brings your files back\./);
    assert.deepEqual(await fileTabNames(page), ['go.mod', 'go.sum']);
    assert.equal(await goMod(page).inputValue(), 'module example.com/dropped\n\ngo 1.22.0\n');
    await page.getByRole('button', { name: /^Undo/ }).click();
    assert.deepEqual(await fileTabNames(page), before);
    assert.deepEqual(problems, []);
    await context.close();
  });
  // The first screen at 1280×800, 800 and 390 px is e2e/layout.test.mjs's to check.
});
