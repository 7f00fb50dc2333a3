/* The checker's Web Worker: boots Pyodide, installs the checker wheel, answers requests.
 *
 * Runs in two ways:
 *  - over HTTP as a module worker loaded from its URL; it imports and fetches the runtime
 *    files like any page would (so the browser can cache them);
 *  - from file:// (where fetch() and URL workers are blocked, and a blob: worker can only be
 *    classic) the page starts it from a blob: URL and hands it the runtime as gzip-compressed
 *    base64 text, read from classic scripts; the worker unpacks it, and a small fetch shim
 *    serves those bytes to Pyodide under their usual file names.
 *
 * Both get the trimmed standard library the build made (python_stdlib.zip) and a lock file
 * without packages, inline. Over HTTP the worker counts the bytes of each runtime file as it
 * arrives and tells the page, which shows the progress.
 */
"use strict";

let pyodide = null;
let pageJson = null;
const queue = [];

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "boot") {
    boot(message).catch((error) => {
      self.postMessage({ type: "boot-error", detail: String(error && error.stack || error) });
    });
  } else if (message.type === "analyse") {
    if (pageJson) answer(message);
    else queue.push(message);
  }
};

async function boot(message) {
  const runtime = message.mode === "embedded"
    ? await embeddedRuntime(message) : await servedRuntime(message);
  const [loaded, wheelBytes] = await Promise.all([
    runtime.loadPyodide(runtime.options),
    runtime.wheel,
  ]);
  pyodide = loaded;
  installWheel(wheelBytes);
  pageJson = pyodide.pyimport("checker.web").page_json;
  // What each file cost on the wire (0 from the browser's cache), for tests and benchmarks.
  const resources = performance.getEntriesByType("resource").map((entry) => ({
    name: entry.name, transferSize: entry.transferSize, encodedBodySize: entry.encodedBodySize,
  }));
  self.postMessage({ type: "ready", resources });
  for (const waiting of queue.splice(0)) answer(waiting);
}

async function servedRuntime(message) {
  countDownloads(message.sizes);
  const { loadPyodide } = await import(message.indexURL + "pyodide.mjs");
  downloaded("pyodide.mjs");
  return { loadPyodide,
    options: { indexURL: message.indexURL, stdLibURL: message.stdlibURL,
      lockFileContents: message.lock },
    wheel: fetchBytes(message.wheelURL) };
}

async function embeddedRuntime(message) {
  const files = await unpackEmbedded(message.packed);
  installFetchShim(files);
  // Pyodide refuses classic workers only because it would import() its other half; here
  // that half is evaluated below and handed over, so hide importScripts from its check.
  self.importScripts = undefined;
  runClassicScript(files["pyodide.js"]);
  runClassicScript(files["pyodide.asm.js"]);
  return {
    loadPyodide: self.loadPyodide,
    options: { indexURL: message.indexURL, createPyodideModule: self._createPyodideModule,
      lockFileContents: message.lock },
    wheel: files[message.wheelName],
  };
}

function installWheel(bytes) {
  // No micropip: the checker has no dependencies, so unpacking the wheel into
  // site-packages is all an install needs.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(bytes, "zip", { extractDir: sitePackages });
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/* ---- download progress (HTTP) ---- */

// file name -> { body: bytes its body has, wire: bytes on the wire, read: body bytes so far,
// done }. The wire size is the build's gzip figure until the response's Content-Length
// (what the host really sends, compressed or not) is known.
const downloads = {};
const PROGRESS_EVERY_MS = 100;
let lastProgress = 0;

function countDownloads(sizes) {
  for (const name of Object.keys(sizes)) {
    downloads[name] = { body: sizes[name][0], wire: sizes[name][1], read: 0, done: false };
  }
  downloaded("worker.js"); // this very script
  const realFetch = self.fetch;
  self.fetch = async (resource, init) => {
    const response = await realFetch(resource, init);
    const file = downloads[fileName(resource instanceof Request ? resource.url : resource)];
    if (!file || !response.ok || !response.body) return response;
    file.counted = true;
    const length = Number(response.headers.get("Content-Length"));
    if (length > 0) file.wire = length;
    const counter = new TransformStream({
      transform(chunk, controller) {
        file.read += chunk.byteLength;
        reportProgress(false);
        controller.enqueue(chunk);
      },
      flush() {
        file.done = true;
        reportProgress(true);
      },
    });
    return new Response(response.body.pipeThrough(counter),
      { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  // Pyodide imports pyodide.asm.mjs rather than fetching it: it counts once the browser has it.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const file = downloads[fileName(entry.name)];
      if (file && !file.counted) downloaded(fileName(entry.name));
    }
  }).observe({ type: "resource", buffered: true });
}

function downloaded(name) {
  if (!downloads[name] || downloads[name].done) return;
  downloads[name].done = true;
  reportProgress(true);
}

function fileName(url) {
  return String(url).split(/[?#]/)[0].split("/").pop();
}

function reportProgress(now) {
  const time = performance.now();
  if (!now && time - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = time;
  let loaded = 0;
  let total = 0;
  let all = true;
  for (const file of Object.values(downloads)) {
    total += file.wire;
    loaded += file.done ? file.wire : Math.round(file.wire * Math.min(1, file.read / file.body));
    all = all && file.done;
  }
  self.postMessage({ type: "progress", loaded, total, downloaded: all });
}

function answer(message) {
  let json;
  try {
    json = pageJson(message.kind, message.data);
  } catch (error) {
    console.error(error);
    if (!(error instanceof pyodide.ffi.PythonError)) {
      // Not the checker's exception but the runtime's (out of memory, a crash): Pyodide
      // answers nothing after this, so the page starts a fresh worker and asks it again.
      self.postMessage({ type: "fatal", id: message.id, detail: String(error && error.stack || error) });
      return;
    }
    // A crash in the checker must still reach the page as a readable answer.
    json = JSON.stringify({ ok: false, error: "調べている途中で問題が起きました。内容を確かめて、もう一度お試しください。" });
  }
  self.postMessage({ type: "result", id: message.id, kind: message.kind, json });
}

/* ---- embedded runtime (file://) ---- */

async function unpackEmbedded(embed) {
  const names = Object.keys(embed);
  const bytes = await Promise.all(names.map((name) => gunzipBase64(embed[name])));
  const files = {};
  names.forEach((name, index) => {
    files[name] = name.endsWith(".js") ? new TextDecoder().decode(bytes[index]) : bytes[index];
  });
  return files;
}

async function gunzipBase64(text) {
  const binary = atob(text);
  const packed = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) packed[i] = binary.charCodeAt(i);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A module worker has no importScripts; an indirect eval runs the text as a global script.
function runClassicScript(source) {
  (0, eval)(source);
}

function installFetchShim(files) {
  const realFetch = self.fetch;
  const types = { ".wasm": "application/wasm", ".zip": "application/zip", ".json": "application/json" };
  self.fetch = (resource, init) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    const name = url.split(/[?#]/)[0].split("/").pop();
    if (Object.prototype.hasOwnProperty.call(files, name)) {
      const type = types[name.slice(name.lastIndexOf("."))] || "application/octet-stream";
      return Promise.resolve(new Response(files[name], { headers: { "Content-Type": type } }));
    }
    return realFetch(resource, init);
  };
}
