"""A per-file time limit: a file that takes too long is one error line, and the rest are still read."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from app.cli import cli
from app.pipeline import FileTimeout, load_into, time_limit
from helpers import SAMPLES
from test_growth import minutes

LIMIT = 1.0


@pytest.fixture(scope="module")
def slow_text() -> str:
    """Minutes long enough to take several times LIMIT to extract (about 2 MB: 6,000 items, 600 people)."""
    return minutes(6000, people=600)


def _samples(folder, count):
    files = sorted(p for p in SAMPLES.iterdir() if not p.name.endswith(".meta.yaml"))
    for k in range(count):
        source = files[k % len(files)]
        shutil.copy(source, folder / f"{k:02}_{source.name}")


def test_time_limit_interrupts_a_long_pattern_search():
    import re
    import time

    start = time.monotonic()
    with pytest.raises(FileTimeout, match="x.txt: gave up after 0.2 s"):
        with time_limit(0.2, "x.txt"):
            re.match(r"(a+)+$", "a" * 40 + "b")          # exponential backtracking, in C
    assert time.monotonic() - start < 2


def test_no_limit_when_zero():
    with time_limit(0, "x.txt"):
        pass
    with time_limit(None, "x.txt"):
        pass


def test_extract_gives_up_a_slow_file_and_prints_the_others(tmp_path, slow_text):
    (tmp_path / "slow.txt").write_text(slow_text, encoding="utf-8")
    _samples(tmp_path, 1)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "slow.txt"), str(next(tmp_path.glob("00_*"))),
                                      "--stage", "extract", "--file-timeout", str(LIMIT)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: slow.txt: gave up after {LIMIT:g} s of reading (--file-timeout); not loaded"]
    assert "Traceback" not in result.output
    assert '"nodes"' in result.stdout and "00_" in result.stdout     # the other file was extracted


def test_load_goes_on_past_a_slow_file_in_the_worker_pool(tmp_path, slow_text):
    """Nine files go to a pool of extraction workers; the slow one fails there, the eight others load."""
    from graph.store import open_store

    folder = tmp_path / "minutes"
    folder.mkdir()
    _samples(folder, 8)
    (folder / "99_slow.txt").write_text(slow_text, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        report = load_into(store, [folder], workers=2, file_timeout=LIMIT)
    assert [name for name, _ in report.failed] == [str(folder / "99_slow.txt")]
    assert "gave up after" in report.failed[0][1]
    assert len(report.loaded) + len(report.skipped) == 8


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_time_limit_holds_when_the_first_signal_lands_where_exceptions_are_dropped():
    """An exception raised in a garbage-collection callback is printed and dropped: the limit fires again."""
    import gc
    import time

    def slow_callback(phase, info):
        if phase == "start":
            end = time.monotonic() + 0.3          # the limit expires in here
            while time.monotonic() < end:
                pass

    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(FileTimeout):
            with time_limit(0.1, "x.txt"):
                gc.collect()                       # the first signal is lost in the callback
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:
                    pass
    finally:
        gc.callbacks.remove(slow_callback)


def test_a_limit_that_fires_inside_a_garbage_collection_callback_is_raised_later_and_prints_nothing():
    """Python drops (and prints) an exception raised inside a gc callback: the timer fires again and the
    dropped one is not printed as a traceback."""
    import subprocess
    import sys
    import textwrap

    from helpers import ROOT

    script = textwrap.dedent("""
        import gc, random, sys, time
        from app.pipeline import time_limit, FileTimeout

        def slow_callback(phase, info):      # most of the time is spent here
            time.sleep(0.03)

        gc.callbacks.append(slow_callback)
        rng = random.Random(7)
        try:
            with time_limit(0.3, "x.txt"):
                while True:
                    gc.collect()
                    # Work of varying length between collections: a fixed cycle could keep every firing
                    # of the timer inside a callback.
                    end = time.monotonic() + rng.uniform(0.005, 0.03)
                    while time.monotonic() < end:
                        pass
        except FileTimeout as exc:
            print("raised:", exc)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("raised: x.txt: gave up after 0.3 s")
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr

