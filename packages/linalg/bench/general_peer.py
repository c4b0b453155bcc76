#!/usr/bin/python3
"""NumPy/SciPy peer for bench/general.bench.ts: reads {"cases": [{"op", "a", "b"?, "c"?}]}
on stdin, times the same operation on the same inputs with single-threaded BLAS, and
prints {"ms": [[median ms, min ms] per case]}."""

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
    return [float(np.median(times)), float(np.min(times))]


def main():
    data = json.load(sys.stdin)
    out = []
    for case in data["cases"]:
        a = np.array(case["a"], dtype=float)
        op = case["op"]
        if op == "expm":
            out.append(median_ms(lambda: sl.expm(a)))
        elif op == "eigvals":
            out.append(median_ms(lambda: np.linalg.eigvals(a)))
        elif op == "schur":
            out.append(median_ms(lambda: sl.schur(a)))
        elif op == "sylvester":
            b = np.array(case["b"], dtype=float)
            c = np.array(case["c"], dtype=float)
            out.append(median_ms(lambda: sl.solve_sylvester(a, b, c)))
        else:
            out.append([None, None])
    print(json.dumps({"ms": out}))


if __name__ == "__main__":
    main()
