// Profiles one paste of the kubernetes-scale bundle in Chromium (not a test: run it by hand,
// `node e2e/profile-paste.mjs`, after `make dist`). It prints where the main thread's time goes
// between the click on "Load bundle" and the rendered page: the CDP sampling profiler's self
// time by kind (wasm, the JS glue, garbage collection), and the trace's style, layout and paint.

import { kubeBundle } from '../scripts/kube-bundle.mjs';
import { openPlayground, setText, start } from './harness.mjs';

const env = await start();
try {
  const { context, page } = await openPlayground(env);
  const cdp = await context.newCDPSession(page);
  // As a user would, some seconds after the page loaded (it warms its analysis code up meanwhile).
  await page.waitForTimeout(Number(process.env.BENCH_IDLE_MS ?? 2000));
  await page.getByRole('button', { name: 'Paste bundle' }).click();
  await setText(page.getByRole('textbox', { name: 'Bundle (txtar)' }), kubeBundle());
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(async () => {
    const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Load bundle');
    const t0 = performance.now();
    submit.click();
    await new Promise((resolve) => {
      const poll = () => ((document.querySelector('[aria-label="Graph"] .view-count')?.textContent ?? '').includes(' of 237 modules') ? resolve() : requestAnimationFrame(poll));
      requestAnimationFrame(poll);
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  console.log(`paste to rendered: ${ms.toFixed(1)} ms; ${await page.getByText(/analysed in/).textContent()}`);
  // Self time per node from the samples.
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byKind = new Map();
  const byName = new Map();
  for (const node of profile.nodes) {
    const t = dt.get(node.id) ?? 0;
    const { functionName, url } = node.callFrame;
    const kind = functionName.startsWith('$') || url.includes('wasm') || /wasm-function/.test(functionName) ? 'wasm' : functionName.startsWith('(') ? functionName : 'js';
    byKind.set(kind, (byKind.get(kind) ?? 0) + t);
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + t);
  }
  console.log('self time by kind (ms):', Object.fromEntries([...byKind].map(([k, v]) => [k, Math.round(v)])));
  console.log('top self time (ms):');
  for (const [name, t] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${t.toFixed(1).padStart(7)}  ${name}`);
  // Who calls the busiest browser functions (three frames up).
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const callers = new Map();
  for (const node of profile.nodes) {
    const t = dt.get(node.id) ?? 0;
    if (!['decode', 'setAttribute', 'querySelector', 'removeChild', 'wasm-to-js'].includes(node.callFrame.functionName) || !t) continue;
    let chain = node.callFrame.functionName;
    for (let p = parent.get(node.id), i = 0; p && i < 3; p = parent.get(p.id), i++) chain += ` < ${p.callFrame.functionName || '(anonymous)'}`;
    callers.set(chain, (callers.get(chain) ?? 0) + t);
  }
  for (const [chain, t] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${t.toFixed(1).padStart(7)}  ${chain}`);
  const totals = new Map();
  for (const e of events) {
    if (e.ph === 'X' && ['UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'PrePaint', 'Layerize', 'RecalculateStyles', 'HitTest', 'FunctionCall', 'TimerFire', 'EventDispatch', 'v8.run', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER'].includes(e.name)) {
      totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
    }
  }
  console.log('trace totals (ms, nested events overlap):', Object.fromEntries([...totals].map(([k, v]) => [k, Math.round(v)])));
  await context.close();
} finally {
  await env.stop();
}
