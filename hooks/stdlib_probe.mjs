// Which files of Pyodide's standard library the checker and Pyodide itself load.
//
//   node hooks/stdlib_probe.mjs PROBE_JSON < inputs.jsonl > answer.json
//
// PROBE_JSON: {"indexURL", "stdlib" (a zip), "lock" (lock file text), "wheel",
//              "modules" (checker modules to import), "wholePackages" (stdlib packages to
//              take whole), "sources" (true: also return the files' text, comments removed)}
//
// Boots Pyodide under Node from that standard library zip, installs the checker wheel the
// way widget/worker.js does, imports every listed module, answers every input (one JSON
// line: {"kind": "bounce" | "address", "text": ...} or {..., "base64": ...}) through
// checker.web.page_json as the page's worker does, and lets an error cross from Python to
// JavaScript once (the worker's crash path formats a traceback). It prints
// {"loaded": [...], "sources": {name: text}}: the zip's files that ended up in sys.modules
// and, with "sources", those files plus the whole packages, read from the zip with their
// comments removed by Pyodide's own tokenize (the same Python version that will run them).
// hooks/runtime_stdlib.py runs it at build time; tests/pyodide runs it on the trimmed zip,
// where a file left out fails an import.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";

const probe = JSON.parse(readFileSync(process.argv[2], "utf8"));
const indexURL = probe.indexURL.endsWith(path.sep) ? probe.indexURL : probe.indexURL + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
const pyodide = await loadPyodide({
  indexURL,
  stdLibURL: probe.stdlib,
  lockFileContents: probe.lock,
  stdout: (text) => console.error(text),
  stderr: (text) => console.error(text),
});
// As widget/worker.js installs the checker.
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
const wheel = readFileSync(probe.wheel);
pyodide.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "zip",
  { extractDir: sitePackages });
pyodide.globals.set("checker_modules", pyodide.toPy(probe.modules));
pyodide.runPython("import importlib\nfor name in checker_modules: importlib.import_module(name)");
const pageJson = pyodide.pyimport("checker.web").page_json;

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const input = JSON.parse(line);
  const data = "base64" in input ? new Uint8Array(Buffer.from(input.base64, "base64")) : input.text;
  pageJson(input.kind, data);
}
try {
  pageJson(); // a TypeError in Python, turned into a JavaScript PythonError
} catch (error) {
  if (!String(error).includes("TypeError")) throw error;
}
pageJson.destroy();

pyodide.globals.set("whole_packages", pyodide.toPy(probe.wholePackages || []));
pyodide.globals.set("want_sources", Boolean(probe.sources));
const answer = pyodide.runPython(`
import io, json, sys, tokenize, zipfile

ZIP = "/lib/python%d%d.zip" % sys.version_info[:2]


def loaded_files():
    prefix = ZIP + "/"
    origins = {getattr(getattr(module, "__spec__", None), "origin", None)
               for module in list(sys.modules.values())}
    return sorted(origin[len(prefix):] for origin in origins
                  if isinstance(origin, str) and origin.startswith(prefix))


def without_comments(data):
    """The source with its comments removed; line numbers stay (tracebacks still match)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    if encoding != "utf-8":
        raise ValueError(f"not UTF-8 but {encoding}: the zip is written as UTF-8")
    source = data.decode("utf-8")
    lines = io.StringIO(source).readlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        row, column = token.start
        # The first two lines may hold a coding declaration: they stay as they are.
        if token.type == tokenize.COMMENT and row > 2:
            line = lines[row - 1]
            ending = line[len(line.rstrip("\\r\\n")):]
            lines[row - 1] = line[:column].rstrip() + ending
    return "".join(lines)


loaded = loaded_files()
sources = {}
if want_sources:
    with zipfile.ZipFile(ZIP) as stdlib:
        names = [name for name in stdlib.namelist() if not name.endswith("/")]
        chosen = set(loaded) | {name for name in names
                                if name.split("/", 1)[0] in whole_packages}
        sources = {name: without_comments(stdlib.read(name)) for name in sorted(chosen)}
json.dumps({"loaded": loaded, "sources": sources})
`);
process.stdout.write(answer + "\n");
