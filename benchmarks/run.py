"""Course benchmarks: print figures, assert nothing.

    .venv/bin/python benchmarks/run.py [--no-build]

Measures, in one run on this machine:
  * clean build time and no-change rebuild time of the book (separate output folder);
    ``--no-build`` skips them and uses the book already built under ``$PACTE_OUTPUT``;
  * requests and bytes to open the home page and a module page through ``pacte serve``
    (gzip) in headless Chromium with the network closed, beside the uncompressed bytes,
    and the theme's Font Awesome script (full set versus the subset the build writes);
  * time to the first drawn chart on the static page versus a preheated Voilà view, as a ratio;
  * Voilà time to rendered widgets, cold (no preheated kernel) versus preheated,
    and their ratio.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, LOOPBACK, free_port, wait_for_http  # noqa: E402

SURVEY = "modules/metier/qui-sont-les-coordinateurs"
MODULE_PAGE = "modules/financement/simulateur-aci-msp"


def timed_build(env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pacte.cli", "build", "--quiet"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def start_server(pool_size: int, env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pacte.cli",
                "serve",
                "--port",
                str(port),
                "--pool-size",
                str(pool_size),
                "--data-dir",
                str(log.parent / "live"),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/"
    wait_for_http(base)
    return proc, base


def cpu_idle_share(interval: float = 2.0) -> float:
    """Share of CPU time idle over ``interval`` seconds, from /proc/stat."""

    def sample():
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        return values[3] + values[4], sum(values)

    idle0, total0 = sample()
    time.sleep(interval)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_until_idle(threshold: float = 0.8, timeout: float = 600) -> float:
    """Wait until the machine is mostly idle (the preheated notebooks are rendered); return seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < timeout and cpu_idle_share() < threshold:
        pass
    return time.monotonic() - start


def wait_for_pools(log: Path, count: int, timeout: float = 600) -> float:
    """Wait until Voilà reports ``count`` kernel pools filled (one per page); return the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        filled = set(re.findall(r"Kernel pool of (\S+) is filled", log.read_text(errors="replace")))
        if len(filled) >= count:
            return time.monotonic() - start
        time.sleep(0.5)
    raise TimeoutError(f"fewer than {count} kernel pools filled after {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def offline_page(browser):
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if (urlparse(r.request.url).hostname or "") in LOOPBACK else r.abort())
    return context, page


def page_weight(browser, url: str) -> tuple[int, int, int]:
    """Requests, bytes transferred (headers + encoded bodies) and decoded body bytes to load ``url``."""
    context, page = offline_page(browser)
    sizes: list[tuple[int, int]] = []

    def done(req):
        resp = req.response()
        try:
            body = len(resp.body()) if resp else 0
        except Exception:
            body = 0
        s = req.sizes()
        sizes.append((s["responseBodySize"] + s["responseHeadersSize"], body))

    page.on("requestfinished", done)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(2000)
    context.close()
    return len(sizes), sum(t for t, _ in sizes), sum(b for _, b in sizes)


def first_chart_time(browser, url: str, runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        context, page = offline_page(browser)
        start = time.perf_counter()
        page.goto(url)
        # A chart draws when it is about to be seen: the reader goes straight to it.
        page.locator("figure.pacte-chart").first.scroll_into_view_if_needed(timeout=120000)
        page.locator("figure.pacte-chart[data-rendered=true] svg").first.wait_for(timeout=120000)
        times.append(time.perf_counter() - start)
        context.close()
    return times


def fontawesome_sizes(html_root: Path) -> tuple[int, int]:
    """(full theme script, shipped subset) sizes of fontawesome.js, in bytes."""
    from pacte.site.a11y_icons import theme_fontawesome

    full = theme_fontawesome()
    shipped = html_root / "_static" / "scripts" / "fontawesome.js"
    return (full.stat().st_size if full else 0), (shipped.stat().st_size if shipped.exists() else 0)


def voila_render_time(browser, url: str) -> float:
    context, page = offline_page(browser)
    start = time.perf_counter()
    page.goto(url)
    page.locator("figure.pacte-chart").first.scroll_into_view_if_needed(timeout=120000)
    page.locator("figure.pacte-chart[data-rendered=true] svg").first.wait_for(timeout=120000)
    page.locator(".pacte-quiz").wait_for(timeout=120000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def main() -> None:
    from playwright.sync_api import sync_playwright

    no_build = "--no-build" in sys.argv[1:]
    if no_build:
        out = Path(os.environ.get("PACTE_OUTPUT", str(ROOT))).resolve()
        env = {**os.environ, "PACTE_OUTPUT": str(out)}
        print(f"machine: {os.cpu_count()} cores; book already built in {out}")
    else:
        out = Path(tempfile.mkdtemp(prefix="pacte-bench-"))
        env = {**os.environ, "PACTE_OUTPUT": str(out)}
        print(f"machine: {os.cpu_count()} cores; output in {out}")
        clean = timed_build(env)
        rebuild = timed_build(env)
        print(f"book build, clean:            {clean:7.1f} s")
        print(f"book build, no change:        {rebuild:7.1f} s   (ratio clean/rebuild {clean / rebuild:.1f})")
    full_fa, shipped_fa = fontawesome_sizes(out / "_build" / "html")
    if full_fa and shipped_fa:
        print(
            f"Font Awesome script: {shipped_fa / 1024:.0f} KiB shipped instead of {full_fa / 1024:.0f} KiB "
            f"(ratio full/shipped {full_fa / shipped_fa:.0f})"
        )

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        proc, base = start_server(0, env, out / "serve-cold.log")
        try:
            for name, path in (("home page", "book/intro.html"), ("module page", MODULE_PAGE + ".html")):
                n, sent, decoded = page_weight(browser, base + path)
                print(
                    f"{name} ({path}): {n} requests, {sent / 1024:.0f} KiB transferred with gzip, "
                    f"{decoded / 1024:.0f} KiB uncompressed (ratio {decoded / max(sent, 1):.1f})"
                )

            firsts = first_chart_time(browser, base + SURVEY + ".html")
            print(
                f"static survey page, first chart drawn: median {statistics.median(firsts) * 1000:.0f} ms "
                f"(3 loads: {', '.join(f'{t * 1000:.0f}' for t in firsts)} ms)"
            )

            url = base + "voila/render/" + SURVEY + ".ipynb"
            cold = [voila_render_time(browser, url) for _ in range(2)]
        finally:
            stop(proc)
        proc, base = start_server(1, env, out / "serve-warm.log")
        try:
            pages = len(list((out / "_build" / "voila").rglob("*.ipynb")))
            waited = wait_for_pools(out / "serve-warm.log", pages) + wait_until_idle()
            print(
                f"Voilà: the {pages} pages' preheated kernels were started and their pages rendered "
                f"{waited:.0f} s after the server answered"
            )
            url = base + "voila/render/" + SURVEY + ".ipynb"
            warm = [voila_render_time(browser, url) for _ in range(2)]
            voila_first = first_chart_time(browser, url, runs=1)
        finally:
            stop(proc)
        browser.close()
    c, w = statistics.median(cold), statistics.median(warm)
    print(f"Voilà widgets rendered, cold:      {c:5.2f} s  (runs: {', '.join(f'{t:.2f}' for t in cold)})")
    print(f"Voilà widgets rendered, preheated: {w:5.2f} s  (runs: {', '.join(f'{t:.2f}' for t in warm)})")
    print(f"Voilà cold / preheated ratio: {c / w:.1f}")
    static_first = statistics.median(firsts)
    print(
        f"first chart drawn: static page {static_first:.2f} s, preheated Voilà {voila_first[0]:.2f} s "
        f"(ratio Voilà/static {voila_first[0] / static_first:.1f})"
    )
    if not no_build:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
