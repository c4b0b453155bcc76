#!/usr/bin/python3
"""NumPy peer for bench/index.ts: the same algorithms written the way pyRiemann writes them
(batched numpy.linalg.eigh over stacks of matrices). Reads {threads, tasks: [...]} as JSON on
stdin and prints {results: [{name, ms, ...}]} (median wall time in ms).

`threads` (1, or null for OpenBLAS's default of all cores) must be fixed before NumPy loads
OpenBLAS, so the bench runs this script once per setting and keeps NumPy's faster one for each
task: for matrices this small one thread is usually faster (the default's thread start-up costs
more than the work), and a benchmark must run its peer at its best setting."""
import json
import os
import sys
import time

REQ = json.load(sys.stdin)
if REQ.get('threads'):
    for _var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS', 'BLIS_NUM_THREADS'):
        os.environ[_var] = str(REQ['threads'])

import numpy as np  # noqa: E402


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


def mean_logeuclid(xs):
    """pyRiemann's mean_logeuclid: expm of the mean of the logms."""
    return fn_sym(fn_sym(xs, np.log).mean(axis=0), np.exp)


def pairwise_logeuclid(xs):
    """pyRiemann's distance_logeuclid over all pairs: one logm per matrix."""
    flat = fn_sym(xs, np.log).reshape(len(xs), -1)
    sq = (flat ** 2).sum(axis=1)
    return np.sqrt(np.maximum(0, sq[:, None] + sq[None, :] - 2 * flat @ flat.T))


def mdm_fit_predict(covs, labels):
    classes = np.unique(labels)
    means = [mean_riemann(covs[labels == c])[0] for c in classes]
    dist = []
    for m in means:
        w = fn_sym(m, lambda l: 1 / np.sqrt(l))
        ev = np.linalg.eigvalsh(w @ covs @ w)
        dist.append(np.sqrt((np.log(ev) ** 2).sum(axis=-1)))
    return classes[np.argmin(np.array(dist), axis=0)]


def gbw_rbn_forward(xs, m, w, s, eps=1e-5, tol=1e-8, maxiter=50):
    """GBW batch normalization, training mode, θ = 1 (the same algorithm as RiemannianBatchNorm:
    whiten by M^-1/2, BW fixed-point mean from the arithmetic mean, centre by the isometry
    T_G -> T_I, scale by s/sqrt(var + eps), Exp at the bias, unwhiten)."""
    n = xs.shape[-1]
    eye = np.eye(n)
    mh = fn_sym(m, np.sqrt)
    mih = fn_sym(m, lambda l: 1 / np.sqrt(l))
    d = mih @ xs @ mih
    g = d.mean(axis=0)
    for it in range(maxiter + 1):
        gh = fn_sym(g, np.sqrt)
        gih = fn_sym(g, lambda l: 1 / np.sqrt(l))
        r = fn_sym(gh @ d @ gh, np.sqrt)
        t = gih @ r @ gih - eye
        # stop on the Riemannian gradient norm ||(mean T - I) G^1/2||_F, after `it` steps
        if np.linalg.norm(t.mean(axis=0) @ gh) <= tol or it == maxiter:
            break
        rb = r.mean(axis=0)
        g = gih @ rb @ rb @ gih
    gl, gu = np.linalg.eigh(g)
    st = gu.T @ t @ gu
    v = st * np.sqrt(2 * (gl[:, None] + gl[None, :]))
    var = 0.25 * (v ** 2).sum(axis=(1, 2)).mean()
    a = s / np.sqrt(var + eps)
    wt = mih @ w @ mih
    wl, wu = np.linalg.eigh(wt)
    # v is in G's eigenbasis: back to the identity's (standard) basis, then into W's
    vi = gu @ v @ gu.T
    kt = (wu.T @ (a * vi) @ wu) / np.sqrt(2 * (wl[:, None] + wl[None, :]))
    k = wu @ kt @ wu.T
    y = (eye + k) @ wt @ (eye + k)
    return mh @ y @ mh, it


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
    req = REQ
    res = []
    for task in req['tasks']:
        xs = np.array(task['points'])
        if task['kind'] == 'mean':
            ms, (c, it) = timed(lambda: mean_riemann(xs), task['repeat'])
            # it = steps taken, as frechetMean reports its iterations
            res.append(dict(name=task['name'], ms=ms, iterations=int(it), mean=c.tolist()))
        elif task['kind'] == 'mean-logeuclid':
            ms, c = timed(lambda: mean_logeuclid(xs), task['repeat'])
            res.append(dict(name=task['name'], ms=ms))
        elif task['kind'] == 'pairwise-logeuclid':
            ms, d = timed(lambda: pairwise_logeuclid(xs), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, checksum=float(d.sum())))
        elif task['kind'] == 'pairwise':
            ms, d = timed(lambda: pairwise_airm(xs), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, checksum=float(d.sum())))
        elif task['kind'] == 'gbw-rbn':
            m, w = np.array(task['m']), np.array(task['w'])
            ms, (y, it) = timed(lambda: gbw_rbn_forward(xs, m, w, task['s']), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, iterations=it, outputs=y.tolist()))
        elif task['kind'] == 'mdm':
            labels = np.array(task['labels'])
            ms, pred = timed(lambda: mdm_fit_predict(xs, labels), task['repeat'])
            res.append(dict(name=task['name'], ms=ms, predictions=pred.tolist()))
    json.dump(dict(results=res), sys.stdout)


if __name__ == '__main__':
    main()
