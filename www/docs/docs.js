// The documentation page's live JavaScript API example: loads the package from ../pkg/ (the same
// files a page embedding the API would import) and runs analyze, format or applyFixes on the
// text area's txtar bundle. Results are written with textContent only.

import init, { analyze, applyFixes, format } from '../pkg/gomod_js.js';

const input = document.getElementById('api-input');
const output = document.getElementById('api-output');
const status = document.getElementById('api-status');
const buttons = ['api-analyze', 'api-format', 'api-fix'].map((id) => document.getElementById(id));

/** The go.mod section of a txtar text, or the whole text when it has no sections. */
function goModOf(txtar) {
  const match = /^-- go\.mod --\n([\s\S]*?)(?=^-- .+ --$|(?![\s\S]))/m.exec(txtar);
  return match ? match[1] : txtar;
}

function show(text) {
  output.textContent = text;
}

function run(action) {
  try {
    show(action());
  } catch (error) {
    show(`Error: ${error.message}`);
  }
}

const actions = {
  'api-analyze': () => {
    const result = analyze(input.value, { goVersion: 'go1.27.3', toolchain: 'local' });
    const lines = result.diagnostics.map(
      (d) => `${d.file}:${d.span.line}:${d.span.column}: ${d.severity}[${d.code}]: ${d.message}`,
    );
    if (lines.length === 0) lines.push('No findings.');
    if (result.resolution) {
      lines.push('', 'Build list (go list -m all):');
      for (const entry of result.resolution.buildList) {
        lines.push(entry.module.version ? `${entry.module.path} ${entry.module.version}` : entry.module.path);
      }
    }
    for (const n of result.notRun) lines.push('', `Not run: ${n.what}: ${n.reason}`);
    return lines.join('\n');
  },
  'api-format': () => format(goModOf(input.value), 'go.mod'),
  'api-fix': () => {
    const result = applyFixes(input.value);
    const applied = result.applied.map((a) => `applied ${a.code} in ${a.file}: ${a.title}`);
    return [...applied, '', result.txtar].join('\n');
  },
};

try {
  await init();
  for (const button of buttons) {
    button.disabled = false;
    button.addEventListener('click', () => run(actions[button.id]));
  }
  status.textContent = 'Ready.';
} catch (error) {
  status.textContent = `The package could not be loaded: ${error.message}`;
}
