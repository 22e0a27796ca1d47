/*
 * gomodplay embed.js: live Go-modules playgrounds on documentation pages. No dependencies.
 *
 *   <script src="embed.js" defer></script>
 *   <pre class="gomodplay" data-view="diagnostics">-- go.mod --
 *   module example.com/m
 *   ...</pre>
 *   <gomod-playground view="graph" readonly>module example.com/m ...</gomod-playground>
 *
 * Each <pre class="gomodplay"> (a txtar bundle, or a plain go.mod) becomes an iframe of the
 * playground in embed mode, created when it scrolls near the viewport. Attributes (data-NAME on
 * <pre>, NAME or data-NAME on <gomod-playground>):
 *   view        diagnostics | graph | build | fixes (default diagnostics)
 *   readonly    present (or "1"/"true"): the input cannot be edited
 *   height      the iframe's first height in pixels (default 360); the playground then posts its
 *               real height and the frame follows it
 *   playground  the playground page's URL (default: index.html next to this script)
 *   go-version, gotoolchain   the go command's settings for the bundle
 * The state travels in the URL fragment in share-link format version 1 (crates/gomod/src/share):
 * the byte 1, then raw DEFLATE of the txtar with the settings as "key: value" header lines, in
 * base64url without padding.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var defaultPlayground = new URL("index.html", (script && script.src) || document.baseURI).href;
  var VIEWS = ["diagnostics", "graph", "build", "fixes"];

  function attr(el, name) {
    var v = el.getAttribute("data-" + name);
    if (v === null && el.tagName.toLowerCase() === "gomod-playground") v = el.getAttribute(name);
    return v;
  }

  function flag(el, name) {
    var v = attr(el, name);
    return v !== null && v !== "0" && v !== "false";
  }

  /* The share payload: settings as txtar header lines, then the files. A text without a file
     marker line is a plain go.mod. */
  function payload(text, settings) {
    if (!/^-- .*\S.* --$/m.test(text)) {
      text = "-- go.mod --\n" + text.replace(/^\n+/, "");
    }
    var header = "";
    Object.keys(settings).forEach(function (key) {
      if (settings[key]) header += key + ": " + settings[key] + "\n";
    });
    return header + text;
  }

  function base64url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /* Raw DEFLATE without compression (stored blocks), for browsers without CompressionStream. */
  function stored(data) {
    var blocks = Math.max(1, Math.ceil(data.length / 65535));
    var out = new Uint8Array(data.length + blocks * 5);
    var at = 0;
    for (var b = 0; b < blocks; b++) {
      var chunk = data.subarray(b * 65535, (b + 1) * 65535);
      var len = chunk.length;
      out[at++] = b === blocks - 1 ? 1 : 0;
      out[at++] = len & 255;
      out[at++] = len >> 8;
      out[at++] = ~len & 255;
      out[at++] = (~len >> 8) & 255;
      out.set(chunk, at);
      at += len;
    }
    return out;
  }

  function deflateRaw(data) {
    if (typeof CompressionStream !== "function") return Promise.resolve(stored(data));
    try {
      var stream = new Blob([data]).stream().pipeThrough(new CompressionStream("deflate-raw"));
      return new Response(stream).arrayBuffer().then(function (buffer) {
        return new Uint8Array(buffer);
      });
    } catch (e) {
      return Promise.resolve(stored(data));
    }
  }

  /* The fragment (without "#") that opens `text` with these settings. */
  function fragment(text, settings) {
    var data = new TextEncoder().encode(payload(text, settings || {}));
    return deflateRaw(data).then(function (compressed) {
      var framed = new Uint8Array(compressed.length + 1);
      framed[0] = 1;
      framed.set(compressed, 1);
      return base64url(framed);
    });
  }

  var frames = [];
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "gomodplay:resize" || typeof data.height !== "number") return;
    frames.forEach(function (frame) {
      if (frame.src && frame.contentWindow === event.source && event.origin === new URL(frame.src).origin) {
        var height = Math.max(120, Math.min(4000, Math.ceil(data.height)));
        frame.style.height = height + "px";
      }
    });
  });

  function mount(el, text) {
    var view = attr(el, "view");
    if (VIEWS.indexOf(view) < 0) view = "diagnostics";
    var height = parseInt(attr(el, "height"), 10);
    if (!(height > 0)) height = 360;
    var base = new URL(attr(el, "playground") || defaultPlayground, document.baseURI);
    base.search = "?embed=1&view=" + view + (flag(el, "readonly") ? "&readonly=1" : "");
    var settings = {
      "go-version": attr(el, "go-version"),
      gotoolchain: attr(el, "gotoolchain"),
      view: view,
    };
    var frame = document.createElement("iframe");
    frame.className = "gomodplay-frame";
    frame.title = "gomodplay: Go modules playground";
    frame.setAttribute("loading", "lazy");
    frame.style.cssText = "display:block;width:100%;border:1px solid #d5dae0;border-radius:8px;height:" + height + "px";
    frames.push(frame);
    var started = false;
    function start() {
      if (started) return;
      started = true;
      fragment(text, settings).then(function (f) {
        base.hash = f;
        frame.src = base.href;
      });
    }
    if ("IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) {
          observer.disconnect();
          start();
        }
      }, { rootMargin: "200px" });
      observer.observe(frame);
    } else {
      start();
    }
    return frame;
  }

  /* Turns every <pre class="gomodplay"> not yet upgraded into a playground. */
  function upgrade(root) {
    var blocks = (root || document).querySelectorAll("pre.gomodplay");
    Array.prototype.forEach.call(blocks, function (pre) {
      if (pre.getAttribute("data-gomodplay-upgraded")) return;
      pre.setAttribute("data-gomodplay-upgraded", "1");
      var frame = mount(pre, pre.textContent);
      pre.hidden = true;
      pre.parentNode.insertBefore(frame, pre.nextSibling);
    });
  }

  if (window.customElements && !customElements.get("gomod-playground")) {
    customElements.define("gomod-playground", class extends HTMLElement {
      connectedCallback() {
        if (this.frame) return;
        var text = this.textContent;
        this.textContent = "";
        this.style.display = "block";
        this.frame = mount(this, text);
        this.appendChild(this.frame);
      }
    });
  }

  window.gomodplayEmbed = { fragment: fragment, upgrade: upgrade };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { upgrade(); });
  } else {
    upgrade();
  }
})();
