"""The command-line contract: `python -m checker address [--json] [ADDRESS...]`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", "address", *args], input=stdin,
                          capture_output=True, cwd=REPO_ROOT, timeout=60)


def _json_lines(proc: subprocess.CompletedProcess) -> list[dict]:
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


def test_json_for_arguments_in_order():
    objects = _json_lines(_run(["--json", "taro@gmail.com", "taro＠example.jp", "taro@gmial.com"]))
    assert objects == [
        {"address": "taro@gmail.com", "valid": True, "problems": []},
        {"address": "taro＠example.jp", "valid": False, "problems": ["fullwidth-at", "special-use-domain"],
         "suggestion": "taro@example.jp"},
        {"address": "taro@gmial.com", "valid": True, "problems": ["domain-typo"], "suggestion": "taro@gmail.com"},
    ]


def test_stdin_is_split_on_newline_only_and_white_space_is_kept():
    stdin = b"taro@gmail.com\n taro@gmail.com\ntaro@gmail.com\t\n\ntaro@gmail.com\r\n"
    objects = _json_lines(_run(["--json"], stdin))
    assert [o["address"] for o in objects] == ["taro@gmail.com", " taro@gmail.com", "taro@gmail.com\t", "",
                                               "taro@gmail.com\r"]
    assert [o["valid"] for o in objects] == [True, False, False, False, False]
    assert objects[1]["suggestion"] == "taro@gmail.com"
    assert objects[3]["problems"] == ["empty"]


def test_one_line_per_input_even_for_hostile_lines():
    lines = ["", "@", '"', "\\", "<>", "a" * 5000, "\u3000", "日本語", "\x00", "mailto:"]
    objects = _json_lines(_run(["--json"], "\n".join(lines).encode("utf-8") + b"\n"))
    assert [o["address"] for o in objects] == lines
    assert not any(o["valid"] for o in objects)


def test_default_output_is_a_japanese_explanation():
    proc = _run(["taro.@docomo.ne.jp"])
    assert proc.returncode == 0
    text = proc.stdout.decode("utf-8")
    assert "このままではメールアドレスとして使えません" in text
    assert "「@」の直前にドット" in text
    assert "携帯電話会社" in text
