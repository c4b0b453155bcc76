#!/usr/bin/python3
"""NumPy/SciPy timings for bench/dense.bench.ts.

stdin:  {"cases": [{"op": "cholesky" | "lusolve" | "qr" | "inverse", "a": [[...]], "b": [...]?}]}
stdout: {"ms": [median milliseconds per case, or null]}
BLAS/LAPACK are pinned to one thread so the comparison with single-threaded JS is fair.
"""
import os

for _var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS'):
    os.environ[_var] = '1'

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import scipy.linalg as sla  # noqa: E402


def timed(fn, budget_s=0.6, least=5, most=500):
    """Median CPU time per call in ms, from batches of >= ~2 ms (see dense.bench.ts: the bench
    machine is shared, and CPU time of a single-threaded call equals its idle wall time)."""
    fn()
    t0 = time.process_time()
    fn()
    once = max(time.process_time() - t0, 1e-6)
    reps = max(1, min(1000, round(0.002 / once)))
    samples = []
    t_end = time.process_time() + budget_s
    while len(samples) < least or (time.process_time() < t_end and len(samples) < most):
        t0 = time.process_time()
        for _ in range(reps):
            fn()
        samples.append(1e3 * (time.process_time() - t0) / reps)
    return float(np.median(samples))


OPS = {
    'cholesky': lambda a, b: (lambda: np.linalg.cholesky(a)),
    # LU with partial pivoting plus one solve, as our solve() does (LAPACK dgesv).
    'lusolve': lambda a, b: (lambda: np.linalg.solve(a, b)),
    'qr': lambda a, b: (lambda: np.linalg.qr(a, mode='reduced')),
    'inverse': lambda a, b: (lambda: np.linalg.inv(a)),
    'lstsq': lambda a, b: (lambda: sla.lstsq(a, b, lapack_driver='gelsy')),
}


def main():
    req = json.load(sys.stdin)
    out = []
    for case in req['cases']:
        make = OPS.get(case['op'])
        if make is None:
            out.append(None)
            continue
        a = np.asarray(case['a'], dtype=np.float64)
        b = np.asarray(case['b'], dtype=np.float64) if case.get('b') is not None else None
        out.append(timed(make(a, b)))
    print(json.dumps({'ms': out}))


if __name__ == '__main__':
    main()
