"""Measure framelint's speed and memory, and proselint's and write-good's on the same corpus.

    python benchmarks/run.py            # about two minutes (more the first time: corpus, tools)
    python benchmarks/run.py --huge     # also a 200 MB file, for the memory bound
    python benchmarks/run.py --no-others  # framelint only

Every figure comes from a separate run of the real command, timed from outside: wall time,
CPU time and peak resident memory (of the largest process, as the kernel reports it). MB/s is
the corpus's size in bytes (10^6) over the wall time, start-up included. The corpus is built by
corpus.py; proselint (PyPI) and write-good (npm) are installed into benchmarks/.tools on the
first run, when the registries are reachable, and skipped with a note when they are not.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent
TOOLS = HERE / ".tools"
# As installed by pip, not as in a source checkout run with PYTHONDONTWRITEBYTECODE: modules are
# compiled once and their bytecode reused, as on a user's machine.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"FRAMELINT_DISABLE_PLUGINS": "1"}
FRAMELINT = [sys.executable, "-m", "framelint"]


def measure(command: list[str], size_bytes: int | None = None) -> dict:
    """Run once, output discarded; wall seconds, CPU seconds, peak RSS (MB), MB/s."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    result = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
              "exit": process.returncode}
    if size_bytes:
        result["mb_per_s"] = size_bytes / 1e6 / wall
    return result


def startup(command: list[str], runs: int = 20) -> float:
    """Median wall milliseconds of ``command`` (hyperfine when installed)."""
    if shutil.which("hyperfine"):
        export = corpus.CORPUS / "hyperfine.json"
        subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(export),
                        " ".join(command)], check=True, capture_output=True, env=ENV)
        return json.loads(export.read_text())["results"][0]["median"] * 1000
    times = [measure(command)["wall"] for _ in range(runs)]
    return statistics.median(times) * 1000


def ensure_tools() -> dict[str, list[str]]:
    """The other linters' commands, installing them on first use; those that cannot be had are left out."""
    tools = {}
    venv = TOOLS / "venv"
    if not (venv / "bin" / "proselint").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=False)
    if (venv / "bin" / "proselint").exists():
        tools["proselint"] = [str(venv / "bin" / "proselint"), "check"]
    write_good = TOOLS / "npm" / "node_modules" / ".bin" / "write-good"
    if not write_good.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(TOOLS / "npm"), "write-good"], check=False)
    if write_good.exists():
        tools["write-good"] = [str(write_good)]
    return tools


def size_of(path: str) -> int:
    path = Path(path)
    return sum(p.stat().st_size for p in path.rglob("*.txt")) if path.is_dir() else path.stat().st_size


def row(name: str, result: dict) -> str:
    rate = f"{result['mb_per_s']:.2f}" if "mb_per_s" in result else ""
    return f"| {name} | {rate} | {result['wall']:.2f} | {result['cpu']:.2f} | {result['peak_mb']:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--huge", action="store_true", help="also lint a 200 MB file (slow: about a minute)")
    parser.add_argument("--no-others", action="store_true", help="skip proselint and write-good")
    args = parser.parse_args()

    built = corpus.build(huge=args.huge)
    many, large = built["many"], built["large"]
    files = sorted(str(p) for p in Path(many).glob("*.txt"))
    many_bytes = size_of(many)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"corpus: {len(files)} files, {many_bytes / 1e6:.1f} MB from {built['source']}; "
          f"large file {size_of(large) / 1e6:.1f} MB; {cpus} CPUs; Python {sys.version.split()[0]}\n")

    one_line = corpus.CORPUS / "one-line.txt"
    one_line.write_text("The crew returned to the base.\n", encoding="utf-8")
    print("| start-up | median ms |\n|---|---|")
    for name, command in (("python -c pass (the interpreter alone)", [sys.executable, "-c", "pass"]),
                          ("framelint --version", FRAMELINT + ["--version"]),
                          ("framelint one-line.txt (default packs)", FRAMELINT + [str(one_line)]),
                          ("framelint --select all one-line.txt", FRAMELINT + ["--select", "all", str(one_line)])):
        print(f"| {name} | {startup(command):.0f} |")

    print("\n| run | MB/s | wall s | CPU s | peak MB |\n|---|---|---|---|---|")
    results = {}
    runs = [
        ("default packs, 2,000 files, --jobs 1", FRAMELINT + ["-q", "--jobs", "1", many], many_bytes),
        ("all packs, 2,000 files, --jobs 1", FRAMELINT + ["-q", "--jobs", "1", "--select", "all", many], many_bytes),
        ("default packs, 2,000 files, --jobs 2", FRAMELINT + ["-q", "--jobs", "2", many], many_bytes),
        ("all packs, 2,000 files, --jobs 2", FRAMELINT + ["-q", "--jobs", "2", "--select", "all", many], many_bytes),
        (f"all packs, 2,000 files, --jobs {cpus} (default)", FRAMELINT + ["-q", "--select", "all", many], many_bytes),
        ("default packs, one 20 MB file", FRAMELINT + ["-q", large], size_of(large)),
        ("all packs, one 20 MB file", FRAMELINT + ["-q", "--select", "all", large], size_of(large)),
        ("all packs, one 50 MB line", FRAMELINT + ["-q", "--select", "all", built["long_line"]], size_of(built["long_line"])),
        ("all packs, a million short lines", FRAMELINT + ["-q", "--select", "all", built["short_lines"]], size_of(built["short_lines"])),
    ]
    if args.huge:
        runs.append(("all packs, one 200 MB file", FRAMELINT + ["-q", "--select", "all", built["huge"]], size_of(built["huge"])))
    for name, command, size in runs:
        results[name] = measure(command, size)
        print(row(name, results[name]), flush=True)

    if not args.no_others:
        others = ensure_tools()
        for tool, command in others.items():
            results[tool] = measure(command + files, many_bytes)
            print(row(f"{tool}, 2,000 files", results[tool]), flush=True)
        print()
        for tool in others:
            for ours in ("default packs, 2,000 files, --jobs 1", "all packs, 2,000 files, --jobs 1"):
                ratio = results[ours]["mb_per_s"] / results[tool]["mb_per_s"]
                print(f"framelint ({ours}) is {ratio:.1f}x as fast as {tool}")
        for tool in sorted({"proselint", "write-good"} - set(others)):
            print(f"{tool}: not installed (registry not reachable?); no comparison")
    (corpus.CORPUS / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
