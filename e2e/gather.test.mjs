// "Get the whole graph" from a fresh page: the region with both shell commands and working copy
// buttons when only go.mod and go.sum are there; the bash command's output pasted; a project
// folder and a module cache given to "Open folder"; the same two dropped, the cache padded to
// 100,000 files (read in a bounded time: only the wanted files are looked up). Each journey ends
// on go's own build list, and the page watcher sees no request leave the page.
//
// The module universe is crates/gomodplay-cli/testdata/bundle/single.txtar (the Rust test
// crates/gomodplay-cli/tests/bundle_cli.rs uses it too): its proxy/ files are served by a file
// GOPROXY, its project/ files are the module. Before the tests, the real go (.venv/bin/go, or
// GOMODPLAY_GO) runs `go list -m all` there, offline, which writes go.sum and fills a module cache
// of its own; that output is what the page must show.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { ROOT, openPlayground, openView, pasteBundle, setText, start } from './harness.mjs';

const GO = process.env.GOMODPLAY_GO ?? join(ROOT, '.venv', 'bin', 'go');
const FIXTURE = join(ROOT, 'crates', 'gomodplay-cli', 'testdata', 'bundle', 'single.txtar');

/** The files of a txtar archive, by name. */
function txtarFiles(text) {
  const files = new Map();
  let name = null;
  for (const line of text.split('\n')) {
    const marker = line.match(/^-- (.+) --$/);
    if (marker) {
      name = marker[1];
      files.set(name, '');
    } else if (name !== null) {
      files.set(name, `${files.get(name)}${line}\n`);
    }
  }
  // split() leaves one empty line after the final newline.
  if (name !== null) files.set(name, files.get(name).replace(/\n$/, ''));
  return files;
}

/** `!x` → `X`: go's case escaping undone, for the .info files' versions. */
const unescape = (s) => s.replace(/!([a-z])/g, (_, c) => c.toUpperCase());

let env;
let dir;
let project;
let modcache;
let goListLines;
let goSum;
let goEnv;

before(async () => {
  const files = txtarFiles(readFileSync(FIXTURE, 'utf8'));
  assert.ok(files.size > 5, `${FIXTURE} holds too few files`);
  dir = mkdtempSync(join(tmpdir(), 'gomodplay-gather-'));
  project = join(dir, 'project');
  modcache = join(dir, 'gopath', 'pkg', 'mod');
  for (const [name, text] of files) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    if (name.startsWith('proxy/')) {
      const version = unescape(name.slice(name.lastIndexOf('/') + 1, -'.mod'.length));
      writeFileSync(path.replace(/\.mod$/, '.info'), JSON.stringify({ Version: version, Time: '2020-01-01T00:00:00Z' }));
    }
  }
  goEnv = {
    PATH: `${join(execFileSync(GO, ['env', 'GOROOT'], { encoding: 'utf8', env: { ...process.env, GOENV: 'off' } }).trim(), 'bin')}:${process.env.PATH}`,
    HOME: join(dir, 'home'),
    GOTOOLCHAIN: 'local',
    GOENV: 'off',
    GOPATH: join(dir, 'gopath'),
    GOMODCACHE: modcache,
    GOCACHE: join(dir, 'gocache'),
  };
  const listed = execFileSync(GO, ['list', '-m', 'all'], {
    cwd: project,
    env: { ...goEnv, GOWORK: 'off', GOFLAGS: '-mod=mod -modcacherw', GOSUMDB: 'off', GOPROXY: `file://${join(dir, 'proxy')}` },
    encoding: 'utf8',
  });
  goListLines = listed.trimEnd().split('\n');
  assert.ok(goListLines.length > 5, listed);
  goSum = readFileSync(join(project, 'go.sum'), 'utf8');
  env = await start();
});

after(async () => {
  await env?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

const wholeGraph = (page) => page.getByRole('region', { name: 'Get the whole graph', exact: true });

/** The build list's rows as `go list -m all` prints them. */
async function buildListLines(page) {
  await openView(page, 'Build list');
  const list = page.getByRole('region', { name: 'Build list', exact: true });
  await list.getByText(`${goListLines.length} of ${goListLines.length} modules`).waitFor();
  return list.locator('tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const [version, , replacement] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
      const path = tr.querySelector('th').textContent.trim();
      return [path, version].filter(Boolean).join(' ') + (replacement ? ` => ${replacement}` : '');
    }),
  );
}

/**
 * Drops a folder of the local file system on the page, as a user dragging it from a file manager
 * would (Chromium's DevTools protocol; playwright has no file drag): the page then sees it as a
 * directory entry (webkitGetAsEntry).
 */
async function dropFolder(context, page, path) {
  const cdp = await context.newCDPSession(page);
  const box = await page.locator('main.workspace').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + 100];
  const data = { items: [], files: [path], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  }
  await cdp.detach();
}

/** Opens the playground and puts the project's go.mod and go.sum (and nothing else) in. */
async function withGoModAndSum() {
  const opened = await openPlayground(env);
  const goMod = readFileSync(join(project, 'go.mod'), 'utf8');
  await pasteBundle(opened.page, `-- go.mod --\n${goMod}-- go.sum --\n${goSum}`);
  await wholeGraph(opened.page).waitFor();
  return opened;
}

describe('getting the whole graph', () => {
  test('go.mod and go.sum alone: both commands, each with a working Copy command button', async () => {
    const { context, page, problems } = await withGoModAndSum();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const region = wholeGraph(page);
    const commands = region.locator('pre');
    assert.equal(await commands.count(), 2);
    const titles = ['bash / zsh', 'PowerShell'];
    for (const name of titles) {
      await region.getByRole('heading', { name, exact: true }).waitFor();
    }
    const buttons = region.getByRole('button', { name: 'Copy command', exact: true });
    assert.equal(await buttons.count(), 2);
    for (let i = 0; i < 2; i += 1) {
      const shown = await commands.nth(i).textContent();
      // Keyboard: focus the button and press Enter.
      await buttons.nth(i).focus();
      await page.keyboard.press('Enter');
      await page.getByText(`Copied the ${titles[i]} command.`, { exact: false }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shown);
    }
    // The lighter alternative and what it cannot show.
    await region.getByText('go mod graph', { exact: true }).waitFor();
    await region.getByText(/no replacements/).waitFor();
    // No Graph or Build list yet: the dependencies' go.mod files are missing.
    assert.equal(await page.getByRole('tablist', { name: 'Views' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the bash command run on go\'s module cache, its output pasted: go\'s build list', async () => {
    const { context, page, problems } = await withGoModAndSum();
    const shown = await wholeGraph(page).locator('pre').first().textContent();
    const bundle = execFileSync('bash', ['-c', shown], { cwd: project, env: goEnv, encoding: 'utf8' });
    assert.match(bundle, /^-- github\.com\/!sirupsen\/logrus\/@v\/v1\.0\.0-!r!c1\.mod --$/m);
    // Straight into the go.mod editor: recognised as a bundle.
    await setText(page.getByRole('textbox', { name: 'go.mod', exact: true }), bundle);
    await page.getByText(/Loaded the pasted bundle of \d+ files/).waitFor();
    assert.deepEqual(await buildListLines(page), goListLines);
    assert.equal(await wholeGraph(page).count(), 0);
    await openView(page, 'Graph');
    await page.getByRole('region', { name: 'Graph', exact: true }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the project folder, then the module cache, given to Open folder: go\'s build list', async () => {
    const { context, page, problems } = await openPlayground(env);
    const picker = page.locator('input[type=file][webkitdirectory]');
    await page.getByRole('button', { name: 'Open folder', exact: true }).waitFor();
    await picker.setInputFiles(project);
    // go.mod and go.sum read; main.go and .git/HEAD skipped, and counted.
    await page.getByText(/^Read 2 files from the folder project \(go\.mod, go\.sum\); skipped 2 other files/).waitFor();
    await wholeGraph(page).waitFor();
    await picker.setInputFiles(modcache);
    await page.getByText(/^Read (\d+) of the \1 go\.mod files that go\.sum names from the module cache/).waitFor();
    assert.deepEqual(await buildListLines(page), goListLines);
    assert.equal(await wholeGraph(page).count(), 0);
    assert.deepEqual(problems, [], 'nothing uploaded, no request outside the page');
    await context.close();
  });

  test('the project folder, then a module cache of 100,000 files, dropped: go\'s build list, in seconds', async () => {
    // The cache go filled, plus 100,000 go.mod files of modules nothing needs.
    const big = join(dir, 'big-cache');
    cpSync(join(modcache, 'cache'), join(big, 'cache'), { recursive: true });
    for (let m = 0; m < 1000; m += 1) {
      const versions = join(big, 'cache', 'download', 'example.org', 'noise', `m${m}`, '@v');
      mkdirSync(versions, { recursive: true });
      for (let v = 0; v < 100; v += 1) writeFileSync(join(versions, `v1.0.${v}.mod`), `module example.org/noise/m${m}\n`);
    }
    const { context, page, problems } = await openPlayground(env);
    await dropFolder(context, page, project);
    await page.getByText(/^Read 2 files from the folder project \(go\.mod, go\.sum\); skipped 2 other files/).waitFor();
    await wholeGraph(page).waitFor();
    const started = Date.now();
    await dropFolder(context, page, big);
    await page.getByText(/^Read (\d+) of the \1 go\.mod files that go\.sum names from the module cache/).waitFor();
    const ms = Date.now() - started;
    console.log(`module cache of 100,000 files dropped and read in ${ms} ms`);
    // A regression limit with headroom for a loaded machine: the walk must not list the cache.
    assert.ok(ms < 10000, `${ms} ms`);
    assert.deepEqual(await buildListLines(page), goListLines);
    assert.equal(await wholeGraph(page).count(), 0);
    assert.deepEqual(problems, [], 'nothing uploaded, no request outside the page');
    await context.close();
  });
});
