#!/usr/bin/python3
"""NumPy timings for bench/products.bench.ts (matmul and Gram products).

stdin:  {"cases": [{"op": "matmul" | "gram", "a": {"rows", "cols", "b64"}, "b": {...}?}]}
        matrices travel as base64 of little-endian float64, row-major (exact and compact).
stdout: {"single": [median ms per case], "multi": [median ms per case], "threads": n}
Each thread setting runs in a fresh child process, because BLAS reads its thread count
from the environment when NumPy is imported.
"""
import base64
import json
import os
import subprocess
import sys
import time

THREAD_VARS = ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS')


def child():
    import numpy as np

    def decode(m):
        return np.frombuffer(base64.b64decode(m['b64']), dtype='<f8').reshape(m['rows'], m['cols']).copy()

    def timed(fn, budget_s=0.3, least=5, most=2000):
        fn()
        fn()
        samples = []
        t_end = time.perf_counter() + budget_s
        while len(samples) < least or (time.perf_counter() < t_end and len(samples) < most):
            t0 = time.perf_counter()
            fn()
            samples.append(1e3 * (time.perf_counter() - t0))
        return float(np.median(samples))

    cases = json.load(sys.stdin)['cases']
    out = []
    for c in cases:
        a = decode(c['a'])
        if c['op'] == 'matmul':
            b = decode(c['b'])
            out.append(timed(lambda: a @ b))
        else:
            # a.T @ a on one buffer: NumPy dispatches this to BLAS dsyrk.
            out.append(timed(lambda: a.T @ a))
    json.dump(out, sys.stdout)


def main():
    payload = sys.stdin.read()
    result = {}
    for label, threads in (('single', '1'), ('multi', None)):
        env = dict(os.environ)
        for var in THREAD_VARS:
            if threads is None:
                env.pop(var, None)
            else:
                env[var] = threads
        proc = subprocess.run(
            [sys.executable, __file__, '--child'], input=payload, capture_output=True, text=True,
            env=env, check=True,
        )
        result[label] = json.loads(proc.stdout)
    result['threads'] = os.cpu_count()
    json.dump(result, sys.stdout)


if __name__ == '__main__':
    if '--child' in sys.argv:
        child()
    else:
        main()
