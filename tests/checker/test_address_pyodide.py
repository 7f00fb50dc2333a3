"""The address checker gives the same answers in Pyodide (the browser's Python) as in CPython."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from checker import check_address

REPO_ROOT = Path(__file__).resolve().parents[2]
PYODIDE = REPO_ROOT / "node_modules" / "pyodide"
SAMPLES = [
    "taro@example.jp", "taro@日本語.jp", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@gmial.com", "ﾀﾛｳ@example.jp",
    "taro@[IPv6:2001:db8::1]", "taro.@docomo.ne.jp", "山田 太郎 <taro@example.jp>。", "taro@xn--zz.jp",
    "taroーyamada@example.jp", "taro@straße.de", "taro(at)example.jp",
]

# Copies the checker package into Pyodide's file system and prints one JSON line per sample.
RUNNER = """
import {{ loadPyodide }} from {module};
import fs from "fs";
import path from "path";
const pyodide = await loadPyodide({{ indexURL: {index} }});
function copy(dir, dest) {{
  pyodide.FS.mkdirTree(dest);
  for (const name of fs.readdirSync(dir)) {{
    const from = path.join(dir, name);
    if (fs.statSync(from).isDirectory()) {{ if (name !== "__pycache__") copy(from, dest + "/" + name); }}
    else pyodide.FS.writeFile(dest + "/" + name, fs.readFileSync(from));
  }}
}}
copy({package}, "/home/pyodide/checker");
pyodide.globals.set("samples", {samples});
console.log(pyodide.runPython(`
import json, sys
sys.path.insert(0, "/home/pyodide")
from checker.address import check_address
"\\\\n".join(json.dumps(check_address(s).to_json(), ensure_ascii=False) for s in samples)
`));
"""


@pytest.mark.skipif(shutil.which("node") is None or not PYODIDE.is_dir(), reason="needs node and npm pyodide")
def test_same_answers_in_pyodide(tmp_path):
    script = tmp_path / "run.mjs"
    script.write_text(RUNNER.format(
        module=json.dumps(str(PYODIDE / "pyodide.mjs")), index=json.dumps(str(PYODIDE) + "/"),
        package=json.dumps(str(REPO_ROOT / "checker")), samples=json.dumps(SAMPLES, ensure_ascii=False),
    ), encoding="utf-8")
    proc = subprocess.run(["node", str(script)], capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-3000:]
    in_pyodide = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.startswith("{")]
    assert in_pyodide == [check_address(s).to_json() for s in SAMPLES]
