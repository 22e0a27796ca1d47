//! The analysis off the page's main thread: the core runs in a dedicated Web Worker, so that
//! typing, pasting and rendering never wait for it.
//!
//! The worker is the same WebAssembly module instantiated a second time: the page hands the
//! worker its compiled `WebAssembly.Module` (nothing is downloaded or compiled again) and the URL
//! of the wasm-bindgen glue it already loaded. `www/analysis-worker.js` imports that glue and
//! instantiates the module; the app's `main` sees that there is no window and calls [`serve`]
//! instead of mounting the page. The page posts a job (revision, files, settings) and gets back
//! the analysis' computed parts ([`gomod::analyze::wire::Results`]) and what the module views
//! derive from them ([`gomod::analyze::views::ViewInputs`]) as bincode bytes; it rebuilds the bundle from its own copy of
//! the files.
//!
//! A newer input supersedes an older one: a worker still busy with an older job is terminated
//! and a fresh one started, so a huge paste never delays the analysis of what replaced it. Where
//! workers are unavailable (no module workers, no `WebAssembly.Module` to share, a worker that
//! fails to start) the reducer analyses in the page as before ([`crate::state::Analyser`]).
//!
//! [`run_job`] and [`read_answer`] are the two ends of the wire, plain functions tested
//! natively (`tests/analysis_worker.rs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use gomod::analyze::{Options, Toolchain};
use gomod::bundle::Bundle;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::state::{analyse_for_page, warm_up_step, WorkerAnswer};

/// The worker's script, copied into dist/ by Trunk (`index.html`).
const WORKER_SCRIPT: &str = "analysis-worker.js";

/// What the worker posts once it listens for jobs.
const READY: &str = "ready";

/// What the worker posts when it could not instantiate the module.
const FAILED: &str = "failed";

/// What the page posts to have the worker warm its analysis code up while it is idle.
const WARM_UP: &str = "warm-up";

/// How long an analysis runs before the page says that it is analysing.
pub const SLOW_AFTER_MS: u32 = 200;

/// Analyses `files` with `options` and returns the computed parts and the module views' inputs
/// as bytes: what the worker posts back to the page.
pub fn run_job(files: Vec<(String, String)>, options: &Options) -> Vec<u8> {
    let bundle = Bundle::from_files(
        files
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes())),
    );
    let (analysis, view_inputs) = analyse_for_page(&bundle, options);
    // Serialising plain data into memory cannot fail; an empty answer makes the page analyse
    // itself.
    bincode::serialize(&(analysis.into_results(), view_inputs)).unwrap_or_default()
}

/// Reads what [`run_job`] wrote; `None` when it cannot (the page then analyses itself).
pub fn read_answer(bytes: &[u8]) -> Option<WorkerAnswer> {
    let (results, view_inputs) = bincode::deserialize(bytes).ok()?;
    Some(WorkerAnswer {
        results,
        view_inputs,
    })
}

/// What the worker tells the page.
#[derive(Debug, Clone)]
pub enum WorkerEvent {
    /// The analysis of `revision` took `ms` in the worker; `bytes` is [`run_job`]'s answer (still
    /// in JavaScript's memory: the answers for an older input are never copied).
    Done {
        revision: u64,
        ms: f64,
        bytes: js_sys::Uint8Array,
    },
    /// Whether an analysis has been running for longer than [`SLOW_AFTER_MS`].
    Slow(bool),
    /// The worker could not start or crashed: the page must analyse in its own thread.
    Failed,
}

/// The page's handle on the analysis worker.
#[derive(Clone)]
pub struct AnalysisWorker {
    inner: Rc<Inner>,
}

struct Inner {
    /// The page's own compiled module and the URL of its wasm-bindgen glue.
    module: JsValue,
    glue: String,
    warm_up: bool,
    events: Callback<WorkerEvent>,
    running: RefCell<Option<Running>>,
    /// Whether the running worker listens for jobs yet.
    ready: Cell<bool>,
    /// The newest job, waiting for the worker to be ready.
    queued: RefCell<Option<JsValue>>,
    /// Whether a job is being analysed.
    busy: Cell<bool>,
    slow: Cell<bool>,
    slow_timer: RefCell<Option<Timeout>>,
}

/// A started worker and the handlers that must live as long as it does.
struct Running {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// Whether this page can analyse in a worker: the browser has workers, and the page knows its
/// own module and glue to hand one (only in the browser; native code always analyses in its
/// thread).
pub fn available() -> bool {
    cfg!(target_arch = "wasm32")
        && js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("Worker")).unwrap_or(false)
        && glue_url().is_some()
        && page_module().is_some()
}

/// The page's compiled module, which the worker instantiates again.
fn page_module() -> Option<JsValue> {
    let module = wasm_bindgen::module();
    module
        .is_instance_of::<js_sys::WebAssembly::Module>()
        .then_some(module)
}

impl AnalysisWorker {
    /// Starts the worker, or `None` where this page cannot have one (the caller analyses in the
    /// page). `warm_up` has the idle worker run the gallery examples to optimise its code.
    pub fn start(events: Callback<WorkerEvent>, warm_up: bool) -> Option<AnalysisWorker> {
        if !available() {
            return None;
        }
        let glue = glue_url()?;
        let module = page_module()?;
        let inner = Rc::new(Inner {
            module,
            glue,
            warm_up,
            events,
            running: RefCell::new(None),
            ready: Cell::new(false),
            queued: RefCell::new(None),
            busy: Cell::new(false),
            slow: Cell::new(false),
            slow_timer: RefCell::new(None),
        });
        Inner::spawn(&inner).then_some(AnalysisWorker { inner })
    }

    /// Analyses `files` as `revision`. A job still running belongs to an older input: its
    /// worker is terminated and a new one started.
    pub fn analyse<'a>(
        &self,
        revision: u64,
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
        options: &Options,
    ) {
        let job = job_message(revision, files, options);
        let inner = &self.inner;
        if inner.busy.get() {
            inner.terminate();
            if !Inner::spawn(inner) {
                inner.events.emit(WorkerEvent::Failed);
                return;
            }
        }
        *inner.queued.borrow_mut() = Some(job);
        inner.start_progress_clock();
        inner.post_queued();
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.terminate();
    }
}

impl Inner {
    /// Starts a worker and hands it the module; whether it could be started.
    fn spawn(this: &Rc<Inner>) -> bool {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let Ok(worker) = Worker::new_with_options(WORKER_SCRIPT, &options) else {
            return false;
        };
        let weak = Rc::downgrade(this);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(inner) = weak.upgrade() {
                inner.received(event.data());
            }
        });
        let weak = Rc::downgrade(this);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let Some(inner) = weak.upgrade() {
                inner.terminate();
                inner.events.emit(WorkerEvent::Failed);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let start = js_sys::Object::new();
        set(&start, "module", &this.module);
        set(&start, "glue", &JsValue::from_str(&this.glue));
        if worker.post_message(&start).is_err() {
            worker.terminate();
            return false;
        }
        this.ready.set(false);
        this.busy.set(false);
        *this.running.borrow_mut() = Some(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        });
        true
    }

    fn terminate(&self) {
        if let Some(running) = self.running.borrow_mut().take() {
            running.worker.set_onmessage(None);
            running.worker.set_onerror(None);
            running.worker.terminate();
        }
        self.ready.set(false);
        self.busy.set(false);
    }

    fn post(&self, message: &JsValue) -> bool {
        match self.running.borrow().as_ref() {
            Some(running) => running.worker.post_message(message).is_ok(),
            None => false,
        }
    }

    /// Says "slow" once [`SLOW_AFTER_MS`] have passed without an answer (a restarted worker's
    /// start counts too: the user waits for it as well).
    fn start_progress_clock(self: &Rc<Inner>) {
        if self.slow.get() || self.slow_timer.borrow().is_some() {
            return;
        }
        let weak = Rc::downgrade(self);
        *self.slow_timer.borrow_mut() = Some(Timeout::new(SLOW_AFTER_MS, move || {
            if let Some(inner) = weak.upgrade() {
                inner.slow_timer.borrow_mut().take();
                inner.slow.set(true);
                inner.events.emit(WorkerEvent::Slow(true));
            }
        }));
    }

    /// Posts the queued job once the worker is ready.
    fn post_queued(self: &Rc<Inner>) {
        if !self.ready.get() {
            return;
        }
        let Some(job) = self.queued.borrow_mut().take() else {
            return;
        };
        if !self.post(&job) {
            self.events.emit(WorkerEvent::Failed);
            return;
        }
        self.busy.set(true);
    }

    fn received(self: &Rc<Inner>, data: JsValue) {
        if data.as_string().as_deref() == Some(FAILED) {
            self.terminate();
            self.events.emit(WorkerEvent::Failed);
            return;
        }
        if data.as_string().as_deref() == Some(READY) {
            self.ready.set(true);
            if self.warm_up && self.queued.borrow().is_none() {
                self.post(&JsValue::from_str(WARM_UP));
            }
            self.post_queued();
            return;
        }
        self.busy.set(false);
        self.slow_timer.borrow_mut().take();
        if self.slow.replace(false) {
            self.events.emit(WorkerEvent::Slow(false));
        }
        let revision = get(&data, "revision").as_f64().unwrap_or(0.0) as u64;
        let ms = get(&data, "ms").as_f64().unwrap_or(0.0);
        // The worker posts a Uint8Array (`Uint8Array::new` on one would copy it); anything else
        // is a worker that does not work.
        let Ok(bytes) = get(&data, "results").dyn_into::<js_sys::Uint8Array>() else {
            self.terminate();
            self.events.emit(WorkerEvent::Failed);
            return;
        };
        self.events.emit(WorkerEvent::Done {
            revision,
            ms,
            bytes,
        });
        self.post_queued();
    }
}

/// The URL of the page's wasm-bindgen glue (Trunk preloads it as a module), which the worker
/// imports to instantiate the same module.
fn glue_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let link = document
        .query_selector("link[rel=modulepreload][href$='.js']")
        .ok()??;
    let href = js_sys::Reflect::get(&link, &JsValue::from_str("href")).ok()?;
    href.as_string().filter(|h| !h.is_empty())
}

/// `{revision, files: [[name, text], ...], goVersion, toolchain}`.
fn job_message<'a>(
    revision: u64,
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    options: &Options,
) -> JsValue {
    let message = js_sys::Object::new();
    set(&message, "revision", &JsValue::from_f64(revision as f64));
    let list = js_sys::Array::new();
    for (name, text) in files {
        list.push(&js_sys::Array::of2(
            &JsValue::from_str(name),
            &JsValue::from_str(text),
        ));
    }
    set(&message, "files", &list);
    let go_version = options
        .go_version
        .as_deref()
        .map_or(JsValue::NULL, JsValue::from_str);
    set(&message, "goVersion", &go_version);
    set(
        &message,
        "toolchain",
        &JsValue::from_str(options.toolchain.as_str()),
    );
    message.into()
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property of a plain object made here cannot fail.
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The worker's side: listens for jobs, analyses each and posts the results back; warms the
/// analysis code up on the gallery examples while no job has come. Called by `main` when the
/// module runs in a worker (there is no window).
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let warm_up_step = Rc::new(Cell::new(None::<usize>));
    let warm_up_timer: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if data.as_string().as_deref() == Some(WARM_UP) {
            warm_up_step.set(Some(0));
            warm_up(warm_up_step.clone(), warm_up_timer.clone());
            return;
        }
        // A job ends the warm-up: the code it was for is needed now.
        warm_up_step.set(None);
        warm_up_timer.borrow_mut().take();
        let files: Vec<(String, String)> = js_sys::Array::from(&get(&data, "files"))
            .iter()
            .map(|pair| {
                let pair = js_sys::Array::from(&pair);
                let text = |i| pair.get(i).as_string().unwrap_or_default();
                (text(0), text(1))
            })
            .collect();
        let options = Options {
            go_version: get(&data, "goVersion").as_string(),
            toolchain: match get(&data, "toolchain").as_string().as_deref() {
                Some("auto") => Toolchain::Auto,
                _ => Toolchain::Local,
            },
        };
        let start = worker_now_ms();
        let bytes = js_sys::Uint8Array::from(run_job(files, &options).as_slice());
        let reply = js_sys::Object::new();
        set(&reply, "revision", &get(&data, "revision"));
        set(
            &reply,
            "ms",
            &JsValue::from_f64((worker_now_ms() - start).max(0.0)),
        );
        set(&reply, "results", &bytes);
        // The bytes move to the page instead of being copied. The page is gone if posting
        // fails; there is no one left to tell.
        let _ = reply_to.post_message_with_transfer(&reply, &js_sys::Array::of1(&bytes.buffer()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The worker's warm-up (`state::warm_up_step`), one step per timer tick; `step` is `None` once a
/// job has arrived.
fn warm_up(step: Rc<Cell<Option<usize>>>, timer: Rc<RefCell<Option<Timeout>>>) {
    let Some(n) = step.get() else {
        return;
    };
    if !warm_up_step(n) {
        return;
    }
    step.set(Some(n + 1));
    let next = timer.clone();
    *timer.borrow_mut() = Some(Timeout::new(0, move || warm_up(step, next)));
}

/// The worker's `performance.now()`.
fn worker_now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .map(|p| p.unchecked_into::<web_sys::Performance>().now())
        .unwrap_or(0.0)
}
