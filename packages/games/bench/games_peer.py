#!/usr/bin/python3
"""NumPy peer for bench/index.ts: reads {tasks: [...]} as JSON on stdin, prints timings (ms).

Each task carries the inputs the TypeScript side used; the algorithms are the same updates
written with NumPy arrays. Timings are medians of `repeat` runs after one warm-up. Run with
OPENBLAS_NUM_THREADS=1 (the bench sets it): the matrices are small.
"""
import json
import sys
import time

import numpy as np


def timed(fn, repeat):
    fn()
    ts = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts)), out


def extragradient(A, b, x0, step, iters):
    x = x0.copy()
    for _ in range(iters):
        y = x - step * (A @ x + b)
        x = x - step * (A @ y + b)
    return x


def lvhba_toy(n, iters, alpha, beta, eta, gamma1, gamma2, c0, p, start):
    """LV-HBA on the normalized toy: g = (s, -s), s = (1'x + 1'y)/sqrt(3n), joint projection."""
    sc = 1.0 / np.sqrt(3 * n)
    x = np.full(n, float(start))
    y = np.full(2 * n, float(start))
    t = (x.sum() + y.sum()) / (3 * n)
    x -= t
    y -= t
    theta = y.copy()
    lam = np.zeros(2)
    z = np.zeros(2)
    for k in range(iters):
        ck = c0 * (k + 1) ** p
        nu = lam[0] - lam[1]
        # inner step at (x, y, z): grad_y f(x, theta) + J_y' lam + (theta - y)/gamma1
        g_theta = np.concatenate([theta[:n] - x, np.ones(n)]) + sc * nu + (theta - y) / gamma1
        s_old = sc * (x.sum() + theta.sum())
        theta = theta - eta * g_theta
        lam = np.maximum(0.0, lam + eta * (np.array([s_old, -s_old]) - (lam - z) / gamma2))
        nu = lam[0] - lam[1]
        # outer step on F/c_k + f - v_gamma
        y1, y2 = y[:n], y[n:]
        dx = (x - y2) / ck - y1 + theta[:n] - sc * nu
        dy = np.concatenate([(y1 - 1) / ck + (y1 - x), -(x - y2) / ck + 1.0]) - (y - theta) / gamma1
        x = x - alpha * dx
        y = y - alpha * dy
        z = np.maximum(0.0, z - beta * (z - lam) / gamma2)
        t = (x.sum() + y.sum()) / (3 * n)
        x = x - t
        y = y - t
    return x, y


def main():
    req = json.load(sys.stdin)
    res = []
    for task in req['tasks']:
        rep = task.get('repeat', 3)
        if task['kind'] == 'extragradient':
            d = task['dim']
            A = np.array(task['A'], dtype=np.float64).reshape(d, d)
            b = np.array(task['b'], dtype=np.float64)
            x0 = np.array(task['x0'], dtype=np.float64)
            t, x = timed(lambda: extragradient(A, b, x0, task['step'], task['iters']), rep)
            res.append(dict(name=task['name'], ms=t, x=x.tolist()))
        elif task['kind'] == 'lvhba':
            o = task['options']
            t, (x, y) = timed(lambda: lvhba_toy(task['n'], task['iters'], o['alpha'], o['beta'], o['eta'],
                                                o['gamma1'], o['gamma2'], o['penaltyScale'],
                                                o['penaltyPower'], task['start']), rep)
            err = float(np.linalg.norm(x + 0.3) / np.linalg.norm(np.full(task['n'], 0.3)))
            res.append(dict(name=task['name'], ms=t, error=err))
    json.dump(dict(results=res), sys.stdout)


if __name__ == '__main__':
    main()
