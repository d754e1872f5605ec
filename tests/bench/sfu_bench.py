"""Large sessions: the official's cost on the media server (Janus) against its cost as the hub,
for the same session sizes in the same run (`python -m tests.bench --part sfu`).

Each row runs `tests.bench.call_sfu` in a process of its own (see there for what runs where).
The goal of the issue: on Janus, the official's CPU and memory with 24 sites within 1.3x of
its cost with 3.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parents[2]
GROWTH_TARGET: Final = 1.3


@dataclass(frozen=True)
class SfuResult:
    engine: str
    sites: int
    official_cores: float
    official_rss_mb: float
    floor_fps_at_official: float
    floor_fps_at_waiting_site: float
    waiting_fps_at_official: float
    sites_cores: float
    janus_cores: float
    janus_rss_mb: float
    longest_stall_ms: float
    connected: int


def measure(sites: int, engine: str, seconds: float) -> SfuResult | str:
    """One row in a process of its own; the reason when it could not be measured."""
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.bench.call_sfu",
                "--sites",
                str(sites),
                "--engine",
                engine,
                "--seconds",
                str(seconds),
            ],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=300,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return "did not finish in 300 s"
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        return said[-1] if said else f"exit status {result.returncode}"
    return SfuResult(**json.loads(result.stdout.strip().splitlines()[-1]))


def _pair(janus: SfuResult | str | None, hub: SfuResult | str | None, field: str, form: str) -> str:
    def one(result: SfuResult | str | None) -> str:
        if result is None:
            return "—"
        if isinstance(result, str):
            return "failed"
        return form.format(getattr(result, field))

    return f"{one(janus)} / {one(hub)}"


def sfu_benchmark(janus_sites: list[int], hub_sites: list[int], seconds: float) -> int:
    """Prints the table; returns the number of missed targets."""
    janus: dict[int, SfuResult | str] = {}
    hub: dict[int, SfuResult | str] = {}
    for count in janus_sites:
        print(f"sfu benchmark: Janus with {count} sites…", file=sys.stderr, flush=True)
        janus[count] = measure(count, "janus", seconds)
    for count in hub_sites:
        print(f"sfu benchmark: hub with {count} sites…", file=sys.stderr, flush=True)
        hub[count] = measure(count, "hub", seconds)
    load = os.getloadavg()[0]
    header = (
        "| sites | official cores | official MB | floor fps at official | floor fps at a waiting "
        "site | waiting fps at official | Janus cores (per site) | sites' cores | longest stall |"
    )
    lines = [
        "",
        f"Large sessions: the official's real call window, Janus on 127.0.0.1 (media on a veth "
        f"link), headless sites at their waiting quality, {seconds:g} s measured per row; "
        f"Janus / hub in each cell; load average after {load:.1f}",
        header,
        "|" + "|".join("-" * (len(cell) + 2) for cell in header.strip("|").split("|")) + "|",
    ]
    failures = 0
    for count in sorted({*janus_sites, *hub_sites}):
        on_janus, on_hub = janus.get(count), hub.get(count)
        janus_cores = "—"
        stall = _pair(on_janus, on_hub, "longest_stall_ms", "{:.0f} ms")
        if isinstance(on_janus, SfuResult):
            janus_cores = f"{on_janus.janus_cores:.2f} ({on_janus.janus_cores / count:.3f})"
        lines.append(
            "| "
            + " | ".join(
                [
                    str(count),
                    _pair(on_janus, on_hub, "official_cores", "{:.2f}"),
                    _pair(on_janus, on_hub, "official_rss_mb", "{:.0f}"),
                    _pair(on_janus, on_hub, "floor_fps_at_official", "{:.1f}"),
                    _pair(on_janus, on_hub, "floor_fps_at_waiting_site", "{:.1f}"),
                    _pair(on_janus, on_hub, "waiting_fps_at_official", "{:.1f}"),
                    janus_cores,
                    _pair(on_janus, on_hub, "sites_cores", "{:.2f}"),
                    stall,
                ]
            )
            + " |"
        )
    for count, result in sorted({**janus, **{-k: v for k, v in hub.items()}}.items()):
        if isinstance(result, str):
            engine = "Janus" if count > 0 else "hub"
            lines.append(f"  {engine} with {abs(count)} sites: {result}")
    smallest, largest = min(janus_sites), max(janus_sites)
    first, last = janus.get(smallest), janus.get(largest)
    if isinstance(first, SfuResult) and isinstance(last, SfuResult):
        for name, field in (("CPU", "official_cores"), ("memory", "official_rss_mb")):
            ratio = getattr(last, field) / max(getattr(first, field), 1e-9)
            ok = ratio <= GROWTH_TARGET
            failures += not ok
            lines.append(
                f"Official's {name} on Janus, {largest} sites against {smallest}: ×{ratio:.2f} "
                f"(goal ≤ ×{GROWTH_TARGET}): {'yes' if ok else 'NO'}"
            )
    else:
        failures += 1
        lines.append("The growth of the official's cost could not be measured.")
    print("\n".join(lines))
    return failures
