// The JavaScript API package (dist/pkg) called from a plain page, in Chromium.
//
// The page is written by the test into a temporary site next to a copy of dist/pkg, and does
// nothing but `import init, * as api from "./pkg/gomod_js.js"`, as a user's page would; the test
// then calls the API in the page. Expected values come from the go binary (.venv/bin/go, run
// offline on the same files) or from files checked against it: the gallery examples' `expect:`
// headers (tests/gallery.rs), tests/cases/*.want (scripts/web-cases.sh --check).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { DIST, EXAMPLES, ROOT, start, watch } from './harness.mjs';

const CASES = join(ROOT, 'tests', 'cases');
const GO = join(ROOT, '.venv', 'bin', 'go');
// Not the playground's sub-path: the package must work from wherever a user's page puts it.
const SUB_PATH = '/some/page/';

// A page that knows nothing of gomodplay but the package's path.
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>JS API host</title><link rel="icon" href="data:,"></head>
<body>
<p id="state">loading</p>
<script type="module">
import init, * as gomodplay from './pkg/gomod_js.js';
await init();
window.gomodplay = gomodplay;
document.getElementById('state').textContent = 'ready';
</script>
</body>
</html>
`;

/** The sections of a txtar text, as [name, text] pairs, and its comment. */
function parseTxtar(text) {
  const lines = text.split('\n');
  const files = [];
  const comment = [];
  let current = null;
  // A final newline ends the last line; it is not an empty line of its own.
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const marker = /^-- (.+) --$/.exec(line);
    if (marker) {
      current = [marker[1], ''];
      files.push(current);
    } else if (current) {
      current[1] += `${line}\n`;
    } else {
      comment.push(line);
    }
  }
  return { comment, files };
}

const header = (comment, key) => (comment.find((l) => l.startsWith(`${key}:`)) ?? '').slice(key.length + 1).trim();

/** `go list -m all` on the files, offline: workspace files in a directory, the rest as a proxy. */
function goListAll(files) {
  const dir = mkdtempSync(join(tmpdir(), 'gomodplay-jsapi-'));
  try {
    for (const [name, text] of files) {
      const proxyFile = name.includes('/@v/');
      const path = join(dir, proxyFile ? 'proxy' : 'ws', name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      // The go command asks for a version's .info before its .mod.
      if (proxyFile && name.endsWith('.mod')) {
        const version = name.slice(name.lastIndexOf('/') + 1, -'.mod'.length);
        writeFileSync(path.replace(/\.mod$/, '.info'), JSON.stringify({ Version: version }));
      }
    }
    mkdirSync(join(dir, 'ws'), { recursive: true });
    mkdirSync(join(dir, 'proxy'), { recursive: true });
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GOTOOLCHAIN: 'local',
      GOWORK: 'off',
      // -modcacherw: the module cache stays deletable.
      GOFLAGS: '-mod=mod -modcacherw',
      GOSUMDB: 'off',
      GOPROXY: `file://${join(dir, 'proxy')}`,
      GOPATH: join(dir, 'gopath'),
      GOCACHE: join(dir, 'cache'),
    };
    try {
      const stdout = execFileSync(GO, ['list', '-m', 'all'], { cwd: join(dir, 'ws'), env, stdio: ['ignore', 'pipe', 'pipe'] });
      return { ok: true, lines: stdout.toString().trimEnd().split('\n'), goMod: readFileSync(join(dir, 'ws', 'go.mod'), 'utf8') };
    } catch (error) {
      return { ok: false, stderr: String(error.stderr) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** A build-list entry as `go list -m all` prints it. */
function listLine(entry) {
  const mod = (m) => (m.version ? `${m.path} ${m.version}` : m.path);
  return entry.replacement ? `${mod(entry.module)} => ${mod(entry.replacement)}` : mod(entry.module);
}

const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.txtar'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const { comment, files } = parseTxtar(text);
    return {
      name,
      text,
      files,
      expect: header(comment, 'expect').split(/\s+/).filter(Boolean).sort(),
      options: { goVersion: header(comment, 'go-version') || null, toolchain: header(comment, 'gotoolchain') || 'local' },
    };
  });

let env;
let siteDir;
let page;
const problems = [];

before(async () => {
  assert.ok(existsSync(join(DIST, 'pkg', 'gomod_js.js')), 'dist/pkg is missing: run `make dist` first');
  siteDir = mkdtempSync(join(tmpdir(), 'gomodplay-jsapi-site-'));
  cpSync(join(DIST, 'pkg'), join(siteDir, 'pkg'), { recursive: true });
  writeFileSync(join(siteDir, 'index.html'), PAGE);
  env = await start({ dir: siteDir, prefix: SUB_PATH });
  page = await env.browser.newPage();
  watch(page, env.site, problems);
  await page.goto(env.site.url);
  await page.getByText('ready', { exact: true }).waitFor();
});

after(async () => {
  await env?.stop();
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

/** Calls `gomodplay[name](...args)` in the page; a thrown Error comes back as { error }. */
function call(name, ...args) {
  return page.evaluate(
    ([name, args]) => {
      try {
        return { value: window.gomodplay[name](...args) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : `not an Error: ${String(error)}` };
      }
    },
    [name, args],
  );
}

describe('the JavaScript API from a plain page', () => {
  test('analyze finds exactly the rules each gallery example expects, from an object or a txtar string', async () => {
    for (const example of examples) {
      const fromObject = await call('analyze', Object.fromEntries(example.files), example.options);
      assert.equal(fromObject.error, undefined, example.name);
      const codes = [...new Set(fromObject.value.diagnostics.map((d) => d.code))].sort();
      assert.deepEqual(codes, example.expect, example.name);
      // Every finding's rule is explained, once.
      assert.deepEqual(fromObject.value.explanations.map((r) => r.code).sort(), example.expect, example.name);
      const fromTxtar = await call('analyze', example.text, example.options);
      assert.deepEqual(fromTxtar.value, fromObject.value, `${example.name}: txtar and object agree`);
    }
  });

  test("analyze's build list is go list -m all's", async () => {
    // The go command that answers is go 1.27.3 with GOTOOLCHAIN=local, so the API is asked for that.
    const options = { goVersion: 'go1.27.3', toolchain: 'local' };
    let compared = 0;
    for (const example of examples) {
      const go = goListAll(example.files);
      if (!go.ok) continue;
      const { value } = await call('analyze', Object.fromEntries(example.files), options);
      assert.ok(value.resolution, `${example.name}: no resolution`);
      assert.deepEqual(value.resolution.buildList.map(listLine), go.lines, example.name);
      assert.equal(value.resolution.error, null, example.name);
      // why() agrees with the build list on every module's selected version.
      for (const entry of value.resolution.buildList.slice(1)) {
        const why = await call('why', Object.fromEntries(example.files), entry.module.path, options);
        assert.equal(why.value.selected, entry.module.version, `${example.name}: why ${entry.module.path}`);
        assert.equal(why.value.shortestChain[0].path, value.resolution.mainModules[0]);
      }
      // The graph's edges are [from, to] module pairs, and every node is a module.
      for (const [from, to] of value.resolution.edges) {
        assert.equal(typeof from.path, 'string');
        assert.equal(typeof to.version, 'string');
      }
      compared += 1;
    }
    assert.ok(compared >= 5, `only ${compared} examples resolved by go`);
  });

  test('format returns go mod edit -fmt output and throws go errors', async () => {
    let checked = 0;
    for (const name of readdirSync(CASES).filter((n) => n.endsWith('.go.mod')).sort()) {
      const input = readFileSync(join(CASES, name), 'utf8');
      const want = readFileSync(join(CASES, name.replace(/\.go\.mod$/, '.want')), 'utf8');
      const newline = want.indexOf('\n');
      const verdict = want.slice(0, newline);
      const text = want.slice(newline + 1);
      const got = await call('format', input);
      if (verdict === 'errors') {
        const header = 'go: errors parsing go.mod:\n';
        assert.ok(text.startsWith(header), name);
        assert.deepEqual(got, { error: text.slice(header.length) }, name);
      } else {
        assert.deepEqual(got, { value: text }, name);
      }
      checked += 1;
    }
    assert.ok(checked >= 5);
    // go work edit -fmt -print on these lines (go 1.27.3) prints them one statement apart.
    assert.deepEqual(await call('format', 'go 1.22\nuse ./a\nuse ./b\n', 'go.work'), { value: 'go 1.22\n\nuse ./a\n\nuse ./b\n' });
  });

  test('applyFixes rewrites go.mod as the go command does', async () => {
    const goMod = 'module example.com/m\n\ngo 1.22.0\n\nrequire (\n\texample.com/x v1.2.0\n\texample.com/x v1.3.0\n)\n';
    const files = [
      ['go.mod', goMod],
      ['example.com/x/@v/v1.2.0.mod', 'module example.com/x\n\ngo 1.20\n'],
      ['example.com/x/@v/v1.3.0.mod', 'module example.com/x\n\ngo 1.20\n'],
    ];
    // With -mod=mod, go list -m all keeps the higher requirement and rewrites go.mod.
    const go = goListAll(files);
    assert.ok(go.ok, go.stderr);
    const { value, error } = await call('applyFixes', Object.fromEntries(files), ['duplicate-require']);
    assert.equal(error, undefined);
    assert.equal(value.files['go.mod'], go.goMod);
    assert.deepEqual(Object.keys(value.files), files.map(([name]) => name));
    assert.deepEqual(value.changed, ['go.mod']);
    assert.deepEqual(value.applied.map((a) => a.code), ['duplicate-require']);
    assert.ok(!value.diagnostics.some((d) => d.code === 'duplicate-require'));
    assert.ok(value.txtar.includes(`-- go.mod --\n${go.goMod}`));
    // Fixing only formatting gives go mod edit -fmt's text (tests/cases/messy.want).
    const messy = readFileSync(join(CASES, 'messy.go.mod'), 'utf8');
    const messyWant = readFileSync(join(CASES, 'messy.want'), 'utf8');
    const formatted = await call('applyFixes', { 'go.mod': messy }, ['not-formatted']);
    assert.equal(formatted.value.files['go.mod'], messyWant.slice(messyWant.indexOf('\n') + 1));
  });

  test('mistakes throw Errors that say what is wrong', async () => {
    assert.deepEqual(await call('applyFixes', { 'go.mod': 'module m\n' }, ['no-such-rule']), { error: 'unknown rule "no-such-rule"' });
    assert.deepEqual(await call('analyze', { 'go.mod': 'module m\n' }, { toolchain: 'path' }), {
      error: 'unknown toolchain "path": expected "local" or "auto"',
    });
    const notFiles = await call('analyze', 42);
    assert.match(notFiles.error, /^files: /);
    const badOption = await call('analyze', {}, { go: '1.22' });
    assert.match(badOption.error, /^options: .*unknown field `go`/);
  });

  test('rules() is the catalogue and the TypeScript declarations describe the results', async () => {
    const { value } = await call('rules');
    const cli = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'gomodplay-cli', '--', 'rules', '--format', 'json'], { cwd: ROOT }));
    assert.deepEqual(value, cli);
    const dts = readFileSync(join(DIST, 'pkg', 'gomod_js.d.ts'), 'utf8');
    for (const line of [
      'export function analyze(files: Files | string, options?: AnalyzeOptions): AnalyzeResult;',
      'export function format(text: string, fileName?: string | null): string;',
      'export function applyFixes(files: Files | string, codes?: string[], options?: AnalyzeOptions): ApplyFixesResult;',
      'export function rules(): Rule[];',
      'export function why(files: Files | string, path: string, options?: AnalyzeOptions, chainLimit?: number): ModuleExplanation | null;',
      'export interface AnalyzeResult {',
      'export interface Resolution {',
    ]) {
      assert.ok(dts.includes(line), `gomod_js.d.ts lacks ${line}`);
    }
  });

  test('the page saw no errors and no foreign requests', () => {
    assert.deepEqual(problems, []);
  });
});
