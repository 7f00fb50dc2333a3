"""Lighthouse (mobile) on the top page and Step 2-2 through benchmarks/lighthouse.py:
accessibility and best practices at full marks, SEO at least 0.95, and nothing requested
from anywhere but the local server. Performance is printed by the script, not asserted:
timings on a shared machine are noisy."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "benchmarks" / "lighthouse.py"
MINIMUM = {"accessibility": 1.0, "best-practices": 1.0, "seo": 0.95}
PAGES = ("top", "step-2-2")


@pytest.fixture(scope="module")
def reports(built_site) -> dict[str, dict]:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--site-dir", str(built_site), "--json"],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return {report["name"]: report for report in json.loads(proc.stdout)}


@pytest.mark.parametrize("category", MINIMUM)
@pytest.mark.parametrize("name", PAGES)
def test_category_score(reports, name, category):
    report = reports[name]
    lost = "\n".join(line for line in report["lost_points"] if line.startswith(category))
    assert report["scores"][category] >= MINIMUM[category], (
        f"{category} on {report['url']}: {report['scores'][category]}\n{lost}")


@pytest.mark.parametrize("name", PAGES)
def test_nothing_leaves_the_local_server(reports, name):
    assert reports[name]["outside_requests"] == []
