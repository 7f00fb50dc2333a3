// Runs the checker inside real Pyodide under Node, installed the way the site's worker
// installs it (the wheel from hooks/checker_assets.py unpacked into site-packages, the
// site's trimmed standard library and its lock file without packages), imports every
// module of the checker but the command line's, then answers one JSON case per line of
// standard input with one JSON line on standard output.
//
//   node tests/pyodide/run_checker.mjs WHEEL DRIVER.py STDLIB.zip LOCK.json MODULES.json \
//       < cases.jsonl > answers.jsonl
//
// Pyodide boots once for all the cases. Nothing is fetched from the network: the runtime
// comes from node_modules/pyodide.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import path from "node:path";

const [wheelPath, driverPath, stdlibPath, lockPath, modulesPath] = process.argv.slice(2);
if (!modulesPath) {
  console.error("usage: node run_checker.mjs WHEEL DRIVER.py STDLIB.zip LOCK.json MODULES.json < cases.jsonl");
  process.exit(2);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const indexURL = path.join(repoRoot, "node_modules", "pyodide") + path.sep;
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));

const booted = performance.now();
const pyodide = await loadPyodide({ indexURL, stdLibURL: stdlibPath,
  lockFileContents: readFileSync(lockPath, "utf8"), stdout: (text) => console.error(text) });
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
// As in widget/worker.js: a Uint8Array (Pyodide does not take Node's Buffer), no micropip.
const wheel = readFileSync(wheelPath);
pyodide.unpackArchive(new Uint8Array(wheel.buffer, wheel.byteOffset, wheel.byteLength), "zip",
  { extractDir: sitePackages });
// Every module the page could reach: one missing from the trimmed zip fails here.
pyodide.globals.set("checker_modules", pyodide.toPy(JSON.parse(readFileSync(modulesPath, "utf8"))));
pyodide.runPython("import importlib\nfor name in checker_modules: importlib.import_module(name)");
// Imported as a module (as CPython runs it as a script, its __main__ part stays out).
pyodide.FS.mkdirTree("/driver");
pyodide.FS.writeFile("/driver/parity_driver.py", readFileSync(driverPath, "utf8"));
pyodide.runPython("import sys; sys.path.insert(0, '/driver')");
const driver = pyodide.pyimport("parity_driver").answer_line;
console.error(`pyodide ready in ${Math.round(performance.now() - booted)} ms`);

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim()) process.stdout.write(driver(line) + "\n");
}
driver.destroy();
