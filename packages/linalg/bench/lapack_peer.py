#!/usr/bin/python3
"""NumPy peer for bench/lapack.bench.ts (the LAPACK-level table: eigh, eigvalsh, cholesky, qr,
svd, matvec).

stdin:  {"threads": 1 | null, "cases": [{"op", "rows", "cols", "data"}]} (data row-major)
stdout: {"ms": [best-of-runs milliseconds per case, or null], "threads": "1" | "default"}

The thread count must be fixed before NumPy loads OpenBLAS, so the bench runs this script once
with threads = 1 and once with OpenBLAS's default (all cores) and keeps the better time of the
two for each case (for small matrices one thread is NumPy's fastest setting: the default's
thread start-up costs more than the work).
"""
import json
import os
import sys
import time

REQ = json.load(sys.stdin)
if REQ.get("threads"):
    for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[_var] = str(REQ["threads"])

import numpy as np  # noqa: E402


def best_ms(fn, budget_s=0.4, least=3, most=2000):
    """Minimum wall time over repeated calls after two warm-up calls (the machine is shared:
    the minimum is the figure least disturbed by other jobs; the bench does the same)."""
    fn()
    fn()
    best = float("inf")
    runs = 0
    start = time.perf_counter()
    while runs < least or (time.perf_counter() - start < budget_s and runs < most):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        runs += 1
    return best * 1e3


def main():
    out = []
    for case in REQ["cases"]:
        a = np.array(case["data"], dtype=float).reshape(case["rows"], case["cols"])
        op = case["op"]
        if op == "eigh":
            out.append(best_ms(lambda: np.linalg.eigh(a)))
        elif op == "eigvalsh":
            out.append(best_ms(lambda: np.linalg.eigvalsh(a)))
        elif op == "cholesky":
            out.append(best_ms(lambda: np.linalg.cholesky(a)))
        elif op == "qr":
            out.append(best_ms(lambda: np.linalg.qr(a)))
        elif op == "svd":
            out.append(best_ms(lambda: np.linalg.svd(a, full_matrices=False)))
        elif op == "matvec":
            x = np.linspace(-1, 1, a.shape[1])
            out.append(best_ms(lambda: a @ x))
        else:
            out.append(None)
    json.dump({"ms": out, "threads": "1" if REQ.get("threads") else "default"}, sys.stdout)


if __name__ == "__main__":
    main()
