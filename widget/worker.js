/* The checker's Web Worker: boots Pyodide, installs the checker wheel, answers requests.
 *
 * Runs in two ways:
 *  - over HTTP as a module worker loaded from its URL; it imports and fetches the runtime
 *    files like any page would (so the browser can cache them);
 *  - from file:// (where fetch() and URL workers are blocked, and a blob: worker can only be
 *    classic) the page starts it from a blob: URL and hands it the runtime as gzip-compressed
 *    base64 text, read from classic scripts; the worker unpacks it, and a small fetch shim
 *    serves those bytes to Pyodide under their usual file names.
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
  self.postMessage({ type: "ready" });
  for (const waiting of queue.splice(0)) answer(waiting);
}

async function servedRuntime(message) {
  const { loadPyodide } = await import(message.indexURL + "pyodide.mjs");
  return { loadPyodide, options: { indexURL: message.indexURL },
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
    options: { indexURL: message.indexURL, createPyodideModule: self._createPyodideModule },
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

function answer(message) {
  let json;
  try {
    json = pageJson(message.kind, message.data);
  } catch (error) {
    // A crash in the checker must still reach the page as a readable answer.
    console.error(error);
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
