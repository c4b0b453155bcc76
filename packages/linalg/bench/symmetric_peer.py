#!/usr/bin/python3
"""NumPy/SciPy peer for bench/symmetric.bench.ts: reads {"cases": [{"op", "rows", "cols",
"batch", "data"}]} on stdin (data row-major, batch matrices stacked), times the same operation
on the same inputs with single-threaded BLAS/LAPACK, and prints {"ms": [median ms per case]}."""

import os

# single-threaded BLAS/LAPACK, like our single-threaded JavaScript (set before numpy loads)
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import scipy.linalg as sl  # noqa: E402


def median_ms(fn, min_time=0.3, min_runs=5, max_runs=1000):
    for _ in range(2):
        fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or (time.perf_counter() - start < min_time and len(times) < max_runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return float(np.median(times))


def log_eigh(a):
    w, v = np.linalg.eigh(a)
    return (v * np.log(w)) @ v.T


def main():
    data = json.load(sys.stdin)
    out = []
    for case in data["cases"]:
        batch = case.get("batch", 0)
        shape = (batch, case["rows"], case["cols"]) if batch else (case["rows"], case["cols"])
        a = np.array(case["data"], dtype=float).reshape(shape)
        op = case["op"]
        if op == "eigh":
            out.append(median_ms(lambda: np.linalg.eigh(a)))
        elif op == "svd":
            out.append(median_ms(lambda: np.linalg.svd(a, full_matrices=False)))
        elif op == "logm-eigh":
            out.append(median_ms(lambda: log_eigh(a)))
        elif op == "logm-scipy":
            out.append(median_ms(lambda: sl.logm(a)))
        else:
            out.append(None)
    json.dump({"ms": out}, sys.stdout)


if __name__ == "__main__":
    main()
