// A kubernetes-scale bundle for the browser benchmark: the real go.mod and go.sum of
// kubernetes/kubernetes from the corpus, plus one generated go.mod per module version the go.sum
// records a go.mod hash for (GOPROXY layout, `path/@v/version.mod`) and one per local
// replacement directory (`staging/src/k8s.io/*/go.mod`), so the resolver really runs on it.
//
// The real dependency go.mod files are not in the corpus (the playground works offline), so
// their contents are generated deterministically: each one requires a few of the main module's
// requirements, at versions the go.sum knows and no higher than the main module's, so the main
// go.mod stays tidy and go selects exactly what it lists. The go.sum's `/go.mod` hashes are
// rewritten to the generated files' h1: hashes (zip hashes are kept), so the only diagnostics
// are the ones the real files earn.
//
//   node scripts/kube-bundle.mjs > kube.txtar     the bundle as a txtar archive
//   node scripts/kube-bundle.mjs --verify          lays it out as a GOPROXY directory and a main
//                                                  module, runs the go binary's `go list -m all`
//                                                  on it (offline, -mod=readonly, so a wrong hash
//                                                  or an untidy go.mod fails) and prints go's list
//
// The e2e benchmark (e2e/bench.test.mjs) imports kubeBundle() from here.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The shared test data lives beside the checkout (../shared), as on every developer's machine and
// in CI; GOMODPLAY_SHARED names another place.
export const SHARED = process.env.GOMODPLAY_SHARED ?? join(ROOT, '..', 'shared');
const CORPUS = join(SHARED, 'corpus', 'kubernetes__kubernetes');

/** The h1: hash go.sum records for a go.mod file (dirhash.Hash1 over the single file "go.mod"). */
export function gomodHash(text) {
  const fileSum = createHash('sha256').update(text).digest('hex');
  const summary = `${fileSum}  go.mod\n`;
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}

/** The module cache's case escaping: every upper-case letter becomes `!` and its lower case. */
function escapeCase(s) {
  return s.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

/** A small deterministic generator (mulberry32), seeded per module version. */
function rng(seedText) {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Go's semver ordering for the plain and pseudo versions in this go.sum (no build metadata). */
function compareVersions(a, b) {
  const parse = (v) => {
    const m = /^v(\d+)\.(\d+)\.(\d+)(?:-([^+]*))?(?:\+.*)?$/.exec(v);
    return m ? { nums: [+m[1], +m[2], +m[3]], pre: m[4] } : { nums: [0, 0, 0], pre: v };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  const xs = x.pre.split('.');
  const ys = y.pre.split('.');
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const [p, q] = [xs[i], ys[i]];
    if (p === q) continue;
    const [pn, qn] = [/^\d+$/.test(p), /^\d+$/.test(q)];
    if (pn && qn) return p.length - q.length || (p < q ? -1 : 1);
    if (pn) return -1;
    if (qn) return 1;
    return p < q ? -1 : 1;
  }
  return xs.length - ys.length;
}

/** The require and replace directives of a go.mod that uses blocks (as kubernetes' does). */
function directives(gomod) {
  const requires = [];
  const replaces = [];
  let block = null;
  for (const raw of gomod.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === ')') block = null;
    else if (line === 'require (' || line === 'replace (') block = line.split(' ')[0];
    else if (block === 'require' && line) {
      const [path, version] = line.split(/\s+/);
      requires.push({ path, version });
    } else if (block === 'replace' && line) {
      const [left, right] = line.split('=>').map((s) => s.trim().split(/\s+/));
      replaces.push({ path: left[0], to: right[0], toVersion: right[1] ?? '' });
    }
  }
  return { requires, replaces };
}

/** A go.mod for `path` requiring `requires` ({path, version}), with the given go line. */
function gomodText(path, go, requires) {
  let text = `module ${path}\n\ngo ${go}\n`;
  if (requires.length > 0) {
    text += `\nrequire (\n${requires.map((r) => `\t${r.path} ${r.version}\n`).join('')})\n`;
  }
  return text;
}

/**
 * The bundle's files, in archive order: go.mod, go.sum, the staging go.mod files, then the
 * dependency go.mod files in go.sum order. Returns [{ name, text }].
 */
export function kubeFiles() {
  const gomod = readFileSync(join(CORPUS, 'go.mod'), 'utf8');
  const gosum = readFileSync(join(CORPUS, 'go.sum'), 'utf8');
  const { requires, replaces } = directives(gomod);
  const localDirs = new Map(replaces.filter((r) => r.to.startsWith('./')).map((r) => [r.path, r.to.slice(2)]));
  const mainVersion = new Map(requires.map((r) => [r.path, r.version]));

  // Every module version whose go.mod the go.sum vouches for, and the versions known per path.
  const sumLines = gosum.split('\n').filter(Boolean).map((l) => l.split(' '));
  const modVersions = sumLines.filter(([, v]) => v.endsWith('/go.mod')).map(([p, v]) => ({ path: p, version: v.slice(0, -7) }));
  const known = new Map();
  for (const { path, version } of modVersions) known.set(path, [...(known.get(path) ?? []), version]);

  // What a dependency may require: a main-module requirement that is not a local directory, at
  // a version the go.sum knows, no higher than the main module's.
  const candidates = requires
    .filter((r) => !localDirs.has(r.path))
    .map((r) => ({ path: r.path, versions: (known.get(r.path) ?? []).filter((v) => compareVersions(v, r.version) <= 0) }))
    .filter((c) => c.versions.length > 0);
  const pick = (random, self, count) => {
    const out = new Map();
    for (let i = 0; i < count * 3 && out.size < count; i++) {
      const c = candidates[Math.floor(random() * candidates.length)];
      if (c.path === self || out.has(c.path)) continue;
      out.set(c.path, c.versions[Math.floor(random() * c.versions.length)]);
    }
    return [...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, version]) => ({ path, version }));
  };

  const files = [];
  const generated = new Map();
  for (const { path, version } of modVersions) {
    const random = rng(`${path}@${version}`);
    // A third are pre-module-pruning go.mod files (go 1.16), like much of the 2022 ecosystem.
    const go = random() < 0.33 ? '1.16' : '1.18';
    const text = gomodText(path, go, pick(random, path, Math.floor(random() * 9)));
    generated.set(`${path} ${version}`, text);
    files.push({ name: `${escapeCase(path)}/@v/${escapeCase(version)}.mod`, text });
  }
  // The staging modules are local replacements: go reads their go.mod from the directory and
  // hashes nothing. Each requires some of the other staging modules at v0.0.0, like the real ones.
  const staging = [];
  for (const [path, dir] of localDirs) {
    const random = rng(path);
    const siblings = [...localDirs.keys()].filter((p) => p !== path && random() < 0.15 && mainVersion.has(p));
    const requiresOf = [...siblings.map((p) => ({ path: p, version: mainVersion.get(p) })), ...pick(random, path, 4)];
    requiresOf.sort((a, b) => (a.path < b.path ? -1 : 1));
    staging.push({ name: `${dir}/go.mod`, text: gomodText(path, '1.19', requiresOf) });
  }
  const sum = sumLines
    .map(([p, v, h]) => `${p} ${v} ${v.endsWith('/go.mod') ? gomodHash(generated.get(`${p} ${v.slice(0, -7)}`)) : h}\n`)
    .join('');
  return [{ name: 'go.mod', text: gomod }, { name: 'go.sum', text: sum }, ...staging, ...files];
}

/** The bundle as a txtar archive, the form "Paste bundle" takes. */
export function kubeBundle() {
  const header = 'A kubernetes-scale bundle (scripts/kube-bundle.mjs): the real go.mod and go.sum, generated dependency go.mod files.\n';
  return header + kubeFiles().map((f) => `-- ${f.name} --\n${f.text}`).join('');
}

/** Writes the bundle out as go would see it and returns `go list -m all`'s output. */
function verifyWithGo() {
  const go = process.env.GO ?? join(ROOT, '.venv', 'bin', 'go');
  const tmp = mkdtempSync(join(tmpdir(), 'kube-bundle-'));
  try {
    const [proxy, main, gopath] = ['proxy', 'main', 'gopath'].map((d) => join(tmp, d));
    for (const f of kubeFiles()) {
      const target = f.name.includes('/@v/') ? join(proxy, f.name) : join(main, f.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.text);
    }
    const env = {
      ...process.env,
      GOTOOLCHAIN: 'local',
      GOWORK: 'off',
      GOPROXY: `file://${proxy}`,
      GOSUMDB: 'off',
      GOFLAGS: '-mod=readonly',
      GOPATH: gopath,
      GOMODCACHE: join(gopath, 'pkg', 'mod'),
    };
    return execFileSync(go, ['list', '-m', 'all'], { cwd: main, env, encoding: 'utf8' });
  } finally {
    execFileSync('chmod', ['-R', 'u+w', tmp]);
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--verify')) process.stdout.write(verifyWithGo());
  else process.stdout.write(kubeBundle());
}
