// The kubernetes-scale benchmark: the real kubernetes go.mod and go.sum plus generated go.mod
// files of every dependency version (scripts/kube-bundle.mjs; `--verify` checks the bundle with
// the go binary), pasted through "Paste bundle" into the built site (which must include the
// module views). It records the analysis time the page reports and the wall time from the click
// on "Load bundle" to the frame that shows the analysed bundle (editor, diagnostics, and the open
// module view: the Graph tab, the page's default), with the go.mod tab, the go.sum tab or a
// graph focus open; then the time a keystroke
// takes to be painted and analysed, in the kubernetes go.mod and in a typical small go.mod.
// Every number is the median of RUNS fresh pages; all go to e2e/screenshots/bench.json.
// The cold load under throttling (the last test here) goes to e2e/screenshots/bench-cold-load.json.
//
// Targets (the issue's): the bundle analysed and rendered in under 200 ms, and a keystroke in a
// typical go.mod analysed and painted within one frame (16 ms); bench.json says whether the
// medians meet them. Wall times on this shared 2-core machine vary by a factor of two or more
// with its load, so the assertions are regression limits with headroom (BENCH_LIMIT_MS for the
// pastes, default 1500; the analysis under 500 ms; a small keystroke under 100 ms): before the
// editor and build-list work the paste took 1.0-1.2 s at this load.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { kubeBundle, kubeFiles } from '../scripts/kube-bundle.mjs';
import { SCREENSHOTS, fileTab, newPage, openPlayground, openView, pasteBundle, requireShared, setText, start } from './harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 1500);
// A user takes a few seconds to open "Paste bundle" and paste; the page uses that idle time to
// warm its analysis code up (components/app.rs, warm_up). BENCH_IDLE_MS=0 measures a paste at
// once after the page loaded (the analysis then runs partly unoptimised).
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 2000);
// `go list -m all` on the bundle lists 237 modules (scripts/kube-bundle.mjs --verify | wc -l).
const BUILD_LIST_LENGTH = 237;

// A typical application go.mod: a dozen requirements, direct and indirect.
const TYPICAL_GO_MOD = `module example.com/shop

go 1.22

require (
	github.com/go-chi/chi/v5 v5.0.12
	github.com/google/uuid v1.6.0
	github.com/jackc/pgx/v5 v5.5.5
	github.com/prometheus/client_golang v1.19.0
	github.com/spf13/cobra v1.8.0
	golang.org/x/sync v0.7.0
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/cespare/xxhash/v2 v2.2.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/spf13/pflag v1.0.5 // indirect
	golang.org/x/text v0.14.0 // indirect
)
`;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Clicks "Load bundle" with `txtar` in the panel and resolves, in the page, with the time from
 * the click to the painted frame that shows the analysed bundle: the editor's new text, the
 * page's analysis time, the graph of `modules` modules and, with `diagnosticsChange`, new
 * diagnostics.
 */
async function timePaste(page, txtar, modules, diagnosticsChange = false) {
  await page.waitForTimeout(IDLE_MS);
  await page.getByRole('button', { name: 'Paste bundle' }).click();
  await setText(page.getByRole('textbox', { name: 'Bundle (txtar)' }), txtar);
  return page.evaluate(async ([modules, diagnosticsChange]) => {
    const diagnostics = () => document.querySelector('section.diagnostics').textContent;
    const before = diagnostics();
    const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Load bundle');
    // The graph's status names the build list's length ("Showing 60 of 237 modules; ...", or
    // "... of 237 modules" around a focused module).
    const count = ` of ${modules} modules`;
    const graphStatus = () => document.querySelector('[aria-label="Graph"] .view-count')?.textContent;
    const ready = () =>
      /analysed in/.test(document.querySelector('.timing')?.textContent ?? '') &&
      // Both kubernetes' go.mod and go.sum are over 30 KB, the examples' files far smaller.
      (document.querySelector('.editor-input')?.value.length ?? 0) > 30000 &&
      // A graph focused on a module says how many modules it draws, not the total: the new
      // diagnostics show that the new analysis is on screen.
      (diagnosticsChange ? graphStatus() !== undefined && diagnostics() !== before : (graphStatus() ?? '').includes(count));
    const t0 = performance.now();
    submit.click();
    await new Promise((resolve, reject) => {
      const poll = () => {
        if (ready()) resolve();
        else if (performance.now() - t0 > 20000) reject(new Error('the bundle never showed'));
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    // The frame in which the condition held is painted before this timer runs.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  }, [modules, diagnosticsChange]);
}

/** The page's own analysis time. */
async function analysedMs(page) {
  const text = await page.getByText(/analysed in [0-9.]+ ms/).textContent();
  return Number(text.match(/([0-9.]+) ms/)[1]);
}

/**
 * Types one line at the end of the text area named `name` and returns { painted, analysed }:
 * ms until the next frame after the input event is painted, and until a painted frame shows the
 * new analysis (the typed requirement has an invalid version, so the Diagnostics region names it).
 */
async function timeKeystroke(page, name) {
  return page.getByRole('textbox', { name, exact: true }).evaluate(async (area) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const region = document.querySelector('section.diagnostics');
    const t0 = performance.now();
    area.value += '\nrequire example.com/typed v1';
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    await frame();
    const painted = performance.now() - t0;
    for (let i = 0; i < 300 && !region.textContent.includes('example.com/typed'); i++) await frame();
    if (!region.textContent.includes('example.com/typed')) throw new Error('the typed line was never analysed');
    return { painted, analysed: performance.now() - t0 };
  });
}

test('kubernetes-scale bundle: analysis, paste-to-render and keystroke times', async (t) => {
  requireShared('corpus', 'kubernetes__kubernetes');
  const txtar = kubeBundle();
  const fileCount = kubeFiles().length;
  const samples = { analysis: [], pasteGoMod: [], pasteGoSum: [], pasteFocused: [], keyKube: [], keyKubeAnalysed: [], keySmall: [], keySmallAnalysed: [], focus: [] };
  for (let run = 0; run < RUNS; run++) {
    // The go.mod tab open (the page's default).
    {
      const { context, page, problems } = await openPlayground(env);
      samples.pasteGoMod.push(await timePaste(page, txtar, BUILD_LIST_LENGTH));
      await page.getByText(`Loaded a bundle of ${fileCount} files.`).waitFor();
      samples.analysis.push(await analysedMs(page));
      // Focusing a module from the build list opens the Graph tab, drawn around it.
      await openView(page, 'Build list');
      samples.focus.push(
        await page.evaluate(async () => {
          const button = document.querySelectorAll('[aria-label="Build list"] .module-name')[10];
          const t0 = performance.now();
          button.click();
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - t0;
        }),
      );
      const key = await timeKeystroke(page, 'go.mod');
      samples.keyKube.push(key.painted);
      samples.keyKubeAnalysed.push(key.analysed);
      if (run === 0) await page.screenshot({ path: join(SCREENSHOTS, 'bench-kubernetes.png'), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
    // The go.sum tab open: the editor shows the 540-line go.sum after the paste.
    {
      const { context, page, problems } = await openPlayground(env);
      await fileTab(page, 'go.sum').click();
      samples.pasteGoSum.push(await timePaste(page, txtar, BUILD_LIST_LENGTH));
      assert.deepEqual(problems, []);
      await context.close();
    }
    // Pasting again over the analysed bundle (changed by a comment) with a module focused in
    // the graph: the open Graph tab is replaced.
    {
      const { context, page, problems } = await openPlayground(env);
      await timePaste(page, txtar, BUILD_LIST_LENGTH);
      await openView(page, 'Build list');
      await page.getByRole('region', { name: 'Build list' }).locator('.module-name').nth(10).click();
      // The changed go.mod moves every finding down a line: the new analysis shows in the
      // diagnostics.
      const again = txtar.replace('module k8s.io/kubernetes', '// pasted again\nmodule k8s.io/kubernetes');
      samples.pasteFocused.push(await timePaste(page, again, BUILD_LIST_LENGTH, true));
      assert.deepEqual(problems, []);
      await context.close();
    }
    // A keystroke in a typical go.mod of a dozen requirements.
    {
      const { context, page, problems } = await openPlayground(env);
      await setText(page.getByRole('textbox', { name: 'go.mod', exact: true }), TYPICAL_GO_MOD);
      await page.getByText(/analysed in [0-9.]+ ms/).waitFor();
      await page.waitForTimeout(200);
      const key = await timeKeystroke(page, 'go.mod');
      samples.keySmall.push(key.painted);
      samples.keySmallAnalysed.push(key.analysed);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  const result = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, { median: Math.round(median(xs) * 10) / 10, samples: xs.map((x) => Math.round(x * 10) / 10) }]));
  result.bundle = { files: fileCount, bytes: txtar.length, buildList: BUILD_LIST_LENGTH };
  result.idleBeforePasteMs = IDLE_MS;
  result.targets = {
    pasteUnder200ms: result.pasteGoMod.median < 200,
    smallKeystrokeWithinFrame: result.keySmallAnalysed.median <= 16.7,
  };
  writeFileSync(join(SCREENSHOTS, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  for (const [name, { median: m, samples: xs }] of Object.entries(result)) {
    if (xs) console.log(`bench ${name}: median ${m} ms (${xs.join(', ')})`);
  }
  console.log(`bench targets: ${JSON.stringify(result.targets)}`);
  assert.ok(result.analysis.median < 500, `analysis took ${result.analysis.median} ms`);
  for (const name of ['pasteGoMod', 'pasteGoSum', 'pasteFocused']) {
    assert.ok(result[name].median < LIMIT_MS, `${name}: ${result[name].median} ms (limit ${LIMIT_MS})`);
  }
  assert.ok(result.keySmallAnalysed.median < 100, `a keystroke in a small go.mod took ${result.keySmallAnalysed.median} ms to be analysed and painted`);
});

// The main thread while the analysis runs in the worker (src/analysis_worker.rs), against the
// page's in-thread fallback (the same build with `Worker` removed from the page, which is how the
// page analysed before the worker): long tasks (PerformanceObserver 'longtask', tasks over 50 ms)
// while a go.mod of 0.1, 1 and 5 MB is pasted and analysed, and while the kubernetes go.mod is
// typed into, with each keystroke's time to its painted frame. Written to
// e2e/screenshots/bench-main-thread.json. Goals (the issue's): a 5 MB paste costs the main thread
// under 1 s, no long task over 50 ms while typing or pasting, a keystroke at kubernetes scale
// painted within the frame (16 ms). With BENCH_MAIN_THREAD_LIMITS=1 it asserts that, in the worker,
// the 5 MB paste blocks the main thread under BLOCK_LIMIT_MS (default 1000) and typing in the
// kubernetes go.mod has no task over TYPING_TASK_LIMIT_MS (default 100); the goals are not met yet
// (the page's rendering of large results blocks it), so by default it only records them.
const BLOCK_LIMIT_MS = Number(process.env.BLOCK_LIMIT_MS ?? 1000);
const TYPING_TASK_LIMIT_MS = Number(process.env.TYPING_TASK_LIMIT_MS ?? 100);
const PASTE_SIZES = [100_000, 1_000_000, 5_000_000];
const KEYSTROKES = 20;

/** A go.mod of about `bytes` bytes: one require block of distinct modules. */
function bigGoMod(bytes) {
  const lines = ['module example.com/big', '', 'go 1.22', '', 'require ('];
  let size = lines.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const line = `\texample.com/m${i} v1.${i % 50}.0`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push(')', '');
  return lines.join('\n');
}

/** A playground page that records its long tasks; `inThread` takes the page's workers away. */
async function recordedPlayground(inThread) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((removeWorker) => {
    if (removeWorker) delete window.Worker;
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  }, inThread);
  return openPlayground(env, { context });
}

/** The long tasks that started at or after `since`: { count, longestMs, totalMs }. */
async function longTasksSince(page, since) {
  return page.evaluate((since) => {
    const tasks = window.longTasks.filter((t) => t.start >= since);
    return {
      count: tasks.length,
      longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      totalMs: Math.round(tasks.reduce((sum, t) => sum + t.duration, 0)),
    };
  }, since);
}

/**
 * Pastes `text` over go.mod as one input event and resolves with { paintedMs, analysedMs,
 * since }: the time to the next painted frame and to the painted frame that shows the analysis
 * of the pasted text (no results marked as an older input's).
 */
async function timeGoModPaste(page, text) {
  return page.getByRole('textbox', { name: 'go.mod', exact: true }).evaluate(async (area, text) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const since = performance.now();
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    await frame();
    const paintedMs = performance.now() - since;
    while (document.querySelector('.results-stale') || document.querySelector('.editor-input').value.length !== text.length) {
      if (performance.now() - since > 600000) throw new Error('the paste was never analysed');
      await frame();
    }
    return { paintedMs, analysedMs: performance.now() - since, since };
  }, text);
}

/**
 * Types `count` characters at the end of the text area named `name`, one every 100 ms, as input
 * events; resolves with each keystroke's time to its painted frame and the start time.
 */
async function typeSlowly(page, name, count) {
  return page.getByRole('textbox', { name, exact: true }).evaluate(async (area, count) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const since = performance.now();
    const painted = [];
    area.value += '\n// typed ';
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      area.value += 'x';
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      await frame();
      painted.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (performance.now() - t0))));
    }
    // Until the last keystroke's analysis is on screen.
    while (document.querySelector('.results-stale')) await frame();
    return { painted, since };
  }, count);
}

test('main thread: long tasks while pasting 0.1/1/5 MB and typing at kubernetes scale, worker against in-thread', async () => {
  requireShared('corpus', 'kubernetes__kubernetes');
  const round = (x) => Math.round(x * 10) / 10;
  const result = { sizes: {}, typingKubernetes: {}, limits: { BLOCK_LIMIT_MS, TYPING_TASK_LIMIT_MS } };
  // Written after every measurement, so that a run stopped early keeps what it measured.
  const save = (line) => {
    console.log(`bench ${line}`);
    writeFileSync(join(SCREENSHOTS, 'bench-main-thread.json'), `${JSON.stringify(result, null, 2)}\n`);
  };
  // The server compresses the wasm once, on its first request; on a loaded machine that takes
  // longer than a page's load timeout, so a first page loads it outside the measurements.
  {
    const { context, page } = await newPage(env);
    await page.goto(env.site.url);
    await page.getByText(/analysed in [0-9.]+ ms/).waitFor({ timeout: 300000 });
    await context.close();
  }
  const paste = async (bytes, mode) => {
    const text = bigGoMod(bytes);
    const { context, page, problems } = await recordedPlayground(mode === 'inThread');
    await page.waitForTimeout(IDLE_MS);
    const pasted = await timeGoModPaste(page, text);
    const tasks = await longTasksSince(page, pasted.since);
    (result.sizes[`${bytes / 1e6} MB`] ??= {})[mode] = {
      bytes: text.length,
      pastePaintedMs: round(pasted.paintedMs),
      analysedPaintedMs: round(pasted.analysedMs),
      mainThreadBlockedMs: tasks.totalMs,
      longestTaskMs: tasks.longestMs,
      longTasks: tasks.count,
    };
    save(`paste ${bytes / 1e6} MB (${mode}): ${JSON.stringify(result.sizes[`${bytes / 1e6} MB`][mode])}`);
    assert.deepEqual(problems, []);
    await context.close();
  };
  const typing = async (mode) => {
    const { context, page, problems } = await recordedPlayground(mode === 'inThread');
    await pasteBundle(page, kubeBundle());
    await page.waitForTimeout(500);
    const typed = await typeSlowly(page, 'go.mod', KEYSTROKES);
    const tasks = await longTasksSince(page, typed.since);
    result.typingKubernetes[mode] = {
      keystrokes: KEYSTROKES,
      paintedMs: { median: round(median(typed.painted)), max: round(Math.max(...typed.painted)) },
      withinFrame: typed.painted.filter((ms) => ms <= 16.7).length,
      longTasks: tasks.count,
      longestTaskMs: tasks.longestMs,
      blockedMs: tasks.totalMs,
    };
    save(`typing kubernetes go.mod (${mode}): ${JSON.stringify(result.typingKubernetes[mode])}`);
    assert.deepEqual(problems, []);
    await context.close();
  };
  // The worker's figures first; the in-thread 5 MB paste, the slowest by far, last.
  await typing('worker');
  for (const bytes of PASTE_SIZES) {
    await paste(bytes, 'worker');
    if (bytes < 5_000_000) await paste(bytes, 'inThread');
  }
  await typing('inThread');
  await paste(5_000_000, 'inThread');
  writeFileSync(join(SCREENSHOTS, 'bench-main-thread.json'), `${JSON.stringify(result, null, 2)}\n`);
  for (const [size, modes] of Object.entries(result.sizes)) {
    for (const [mode, r] of Object.entries(modes)) {
      console.log(`bench paste ${size} (${mode}): main thread blocked ${r.mainThreadBlockedMs} ms in ${r.longTasks} long tasks (longest ${r.longestTaskMs} ms); painted ${r.pastePaintedMs} ms, analysed and painted ${r.analysedPaintedMs} ms`);
    }
  }
  for (const [mode, r] of Object.entries(result.typingKubernetes)) {
    console.log(`bench typing kubernetes go.mod (${mode}): keystroke painted median ${r.paintedMs.median} ms, max ${r.paintedMs.max} ms, ${r.withinFrame}/${r.keystrokes} within 16.7 ms; ${r.longTasks} long tasks, longest ${r.longestTaskMs} ms`);
  }
  // Not met yet (the page's own rendering of large results still blocks it; see
  // bench-main-thread.json): enforced once BENCH_MAIN_THREAD_LIMITS=1 is set.
  const fiveMb = result.sizes['5 MB'].worker;
  const typed = result.typingKubernetes.worker;
  result.meetsGoals = { fiveMbPasteUnder1s: fiveMb.mainThreadBlockedMs < 1000, typingWithoutLongTasks: typed.longTasks === 0 };
  save(`goals: ${JSON.stringify(result.meetsGoals)}`);
  if (process.env.BENCH_MAIN_THREAD_LIMITS === '1') {
    assert.ok(fiveMb.mainThreadBlockedMs < BLOCK_LIMIT_MS, `a 5 MB paste blocked the main thread ${fiveMb.mainThreadBlockedMs} ms`);
    assert.ok(typed.longestTaskMs < TYPING_TASK_LIMIT_MS, `typing at kubernetes scale had a ${typed.longestTaskMs} ms task`);
  }
});

// The cold load a user feels on a slow connection: Chromium's network and CPU emulation set as
// DevTools' "Slow 4G" preset describes it (1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4x
// slower), an empty cache (a fresh context, cache disabled), and the files compressed as a static
// host serves them (scripts/static-server.mjs sends brotli). Measured from the start of the
// navigation to the painted frame that shows the first analysis ("analysed in ... ms").
// Goal 2.5 s (recorded in bench-cold-load.json); the test fails only past COLD_LIMIT_MS (5 s), a
// regression limit. DevTools applies its presets per request with the latency multiplied by 3.75
// and the throughput by 0.9, to model packet-level behaviour; that stricter variant is recorded as
// well ("devtoolsRequestLevel"), not asserted.
const COLD_GOAL_MS = 2500;
const COLD_LIMIT_MS = Number(process.env.COLD_LIMIT_MS ?? 5000);
const SLOW_4G = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const SLOW_4G_DEVTOOLS = { latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const CPU_SLOWDOWN = 4;

/** One cold load under `network` throttling: { firstAnalysisMs, transferredBytes }. */
async function coldLoad(network) {
  const { context, page, problems } = await newPage(env);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let transferredBytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    transferredBytes += event.encodedDataLength;
  });
  await page.goto(env.site.url, { waitUntil: 'commit' });
  // Measured in the page, against the navigation's own time origin.
  const firstAnalysisMs = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const analysed = () => /analysed in [0-9.]+ ms/.test(document.querySelector('.timing')?.textContent ?? '');
        const poll = () => {
          if (analysed()) {
            // The frame in which the text is there is painted before this timer runs.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          } else if (performance.now() > 60000) reject(new Error('the first analysis never showed'));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
  );
  assert.deepEqual(problems, []);
  await context.close();
  return { firstAnalysisMs, transferredBytes };
}

test('cold load on a throttled "Slow 4G" connection and a 4x slower CPU: navigation to first analysis painted', async () => {
  const runs = { slow4g: [], devtoolsRequestLevel: [] };
  let transferred = 0;
  for (let run = 0; run < RUNS; run++) {
    const load = await coldLoad(SLOW_4G);
    runs.slow4g.push(load.firstAnalysisMs);
    transferred = load.transferredBytes;
    runs.devtoolsRequestLevel.push((await coldLoad(SLOW_4G_DEVTOOLS)).firstAnalysisMs);
  }
  const round = (x) => Math.round(x);
  const result = {
    conditions: { network: SLOW_4G, devtoolsRequestLevel: SLOW_4G_DEVTOOLS, cpuSlowdown: CPU_SLOWDOWN, cache: 'empty', encoding: 'brotli' },
    transferredBytes: transferred,
    firstAnalysisMs: { median: round(median(runs.slow4g)), samples: runs.slow4g.map(round) },
    devtoolsRequestLevelMs: { median: round(median(runs.devtoolsRequestLevel)), samples: runs.devtoolsRequestLevel.map(round) },
    goalMs: COLD_GOAL_MS,
    meetsGoal: median(runs.slow4g) <= COLD_GOAL_MS,
    limitMs: COLD_LIMIT_MS,
  };
  writeFileSync(join(SCREENSHOTS, 'bench-cold-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `bench cold load (Slow 4G, CPU x${CPU_SLOWDOWN}, ${transferred} B transferred): median ${result.firstAnalysisMs.median} ms ` +
      `(${result.firstAnalysisMs.samples.join(', ')}; goal ${COLD_GOAL_MS} ms${result.meetsGoal ? ', met' : ', missed'}); ` +
      `DevTools request-level variant: median ${result.devtoolsRequestLevelMs.median} ms`,
  );
  assert.ok(result.firstAnalysisMs.median < COLD_LIMIT_MS, `cold load took ${result.firstAnalysisMs.median} ms (limit ${COLD_LIMIT_MS})`);
});
