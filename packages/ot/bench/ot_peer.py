#!/usr/bin/python3
"""POT peer for bench/index.ts: reads {tasks: [...]} as JSON on stdin, prints timings (ms).

Each task carries the same inputs the TypeScript side used (point clouds or a cost
matrix); timings are medians of `repeat` runs after one warm-up.
"""
import json
import sys
import time

import numpy as np
import ot


def cost_of(task):
    if 'cost' in task:
        return np.array(task['cost'], dtype=np.float64).reshape(task['n'], task['m'])
    x = np.array(task['x'], dtype=np.float64)
    y = np.array(task['y'], dtype=np.float64)
    C = ot.dist(x, y)
    return C / C.max() if task.get('normalize') else C


def timed(fn, repeat):
    fn()
    ts = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts)), out


def main():
    req = json.load(sys.stdin)
    res = []
    for task in req['tasks']:
        C = cost_of(task)
        n, m = C.shape
        a = np.full(n, 1.0 / n)
        b = np.full(m, 1.0 / m)
        rep = task.get('repeat', 3)
        kind = task['kind']
        if kind == 'sinkhorn':
            t, _ = timed(lambda: ot.sinkhorn(a, b, C, task['reg'], numItermax=task['iters'],
                                             stopThr=0.0), rep)
            res.append(dict(name=task['name'], ms=t))
        elif kind == 'emd':
            t, c = timed(lambda: ot.emd2(a, b, C, numItermax=10_000_000), rep)
            res.append(dict(name=task['name'], ms=t, cost=float(c)))
        elif kind == 'sinkhorn_log_tol':
            def run():
                P, log = ot.sinkhorn(a, b, C, task['reg'], method='sinkhorn_log',
                                     numItermax=task['maxIter'], stopThr=task['tol'], log=True)
                return float(np.linalg.norm(P.sum(0) - b)), log['niter']
            t, (err, it) = timed(run, rep)
            res.append(dict(name=task['name'], ms=t, marginalError=err, iterations=int(it)))
    json.dump(dict(results=res), sys.stdout)


if __name__ == '__main__':
    import warnings
    warnings.simplefilter('ignore')
    main()
