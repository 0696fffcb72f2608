#!/usr/bin/env python3
"""Run the PolNeAR scorer and fail below the bars of the quote-attribution issue."""
import re
import subprocess
import sys

BARS = {"quote P": 0.95, "quote R": 0.95, "speaker P": 0.92, "speaker R": 0.85}

scorer, split = sys.argv[1], sys.argv[2]
proc = subprocess.run([sys.executable, scorer, "--bin", "target/release/copydesk", split], capture_output=True, text=True)
print(proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr)
m = re.search(r"quotes P ([\d.]+) R ([\d.]+) \| speaker P ([\d.]+) R ([\d.]+)", proc.stdout)
if proc.returncode != 0 or not m:
    sys.exit(f"PolNeAR scorer failed (exit {proc.returncode})")
got = dict(zip(BARS, map(float, m.groups())))
low = [f"{k} {got[k]:.3f} < {v}" for k, v in BARS.items() if got[k] < v]
if low:
    sys.exit("PolNeAR below the bar: " + ", ".join(low))
