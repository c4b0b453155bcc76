#!/usr/bin/python3
"""NumPy peer for bench/index.ts: the same algorithms written the way pyRiemann writes them
(batched numpy.linalg.eigh over stacks of matrices). Reads {tasks: [...]} as JSON on stdin and
prints {results: [{name, ms, ...}]} (median wall time in ms)."""
import json
import sys
import time

import numpy as np


def fn_sym(c, f):
    w, v = np.linalg.eigh(c)
    return (v * f(w)[..., None, :]) @ np.swapaxes(v, -1, -2)


def mean_riemann(xs, tol=1e-8, maxiter=50):
    """pyRiemann's mean_riemann: Karcher flow with step-size adaptation."""
    c = xs.mean(axis=0)
    nu, tau, crit, it = 1.0, np.finfo(np.float64).max, np.inf, 0
    for it in range(maxiter):
        c12 = fn_sym(c, np.sqrt)
        cm12 = fn_sym(c, lambda w: 1 / np.sqrt(w))
        j = fn_sym(cm12 @ xs @ cm12, np.log).mean(axis=0)
        crit = np.linalg.norm(j)
        if crit <= tol:
            break
        h = nu * crit
        c = c12 @ fn_sym(nu * j, np.exp) @ c12
        if h < tau:
            nu, tau = 0.95 * nu, h
        else:
            nu *= 0.5
        if nu <= tol:
            break
    return c, it


def pairwise_airm(xs):
    w = fn_sym(xs, lambda l: 1 / np.sqrt(l))
    n = len(xs)
    d = np.zeros((n, n))
    for i in range(n):
        ev = np.linalg.eigvalsh(w[i] @ xs[i + 1:] @ w[i])
        d[i, i + 1:] = np.sqrt((np.log(ev) ** 2).sum(axis=-1))
    return d + d.T


def mdm_fit_predict(covs, labels):
    classes = np.unique(labels)
    means = [mean_riemann(covs[labels == c])[0] for c in classes]
    dist = []
    for m in means:
        w = fn_sym(m, lambda l: 1 / np.sqrt(l))
        ev = np.linalg.eigvalsh(w @ covs @ w)
        dist.append(np.sqrt((np.log(ev) ** 2).sum(axis=-1)))
    return classes[np.argmin(np.array(dist), axis=0)]


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
        xs = np.array(task['points'])
        if task['kind'] == 'mean':
            ms, (c, it) = timed(lambda: mean_riemann(xs), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, iterations=int(it) + 1, mean=c.tolist()))
        elif task['kind'] == 'pairwise':
            ms, d = timed(lambda: pairwise_airm(xs), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, checksum=float(d.sum())))
        elif task['kind'] == 'mdm':
            labels = np.array(task['labels'])
            ms, pred = timed(lambda: mdm_fit_predict(xs, labels), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, predictions=pred.tolist()))
    json.dump(dict(results=res), sys.stdout)


if __name__ == '__main__':
    main()
