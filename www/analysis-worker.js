// The analysis worker's start (src/analysis_worker.rs): the page posts its compiled WebAssembly
// module and the URL of the wasm-bindgen glue it loaded; this imports the glue (from the HTTP
// cache) and instantiates the same module, whose `main` finds no window and listens for jobs.
// If that fails, the page is told and analyses in its own thread.
self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    const { module, glue } = event.data;
    const bindings = await import(glue);
    await bindings.default({ module_or_path: module });
  } catch {
    self.postMessage('failed');
  }
};
