#!/usr/bin/python3
"""NumPy peer for bench/index.ts: the same Grassmann operations written the way NumPy code
(Pymanopt, geomstats, the GCR reference code) writes them, on the inputs the bench sends.

- exp_Y(H): thin SVD H = U S V^T, Y V cos(S) V^T + U sin(S) V^T;
- log_Y(Z): Pymanopt's form, (Y^T Z)^{-1} applied to (I - YY^T)Z, thin SVD, U arctan(S) V^T;
- geodesic distance: principal angles from the singular values of Y^T Z (cosines) and of
  Z - Y(Y^T Z) (sines), arcsin where cos^2 >= 1/2 and arccos elsewhere (matched in order);
- Karcher mean: start at the projection mean (eigh of the mean projector), then
  X <- exp_X(mean_i log_X(Y_i)) until the gradient norm is <= 1e-10, the logs computed for all
  points at once on stacked arrays (batched solve and SVD);
- one GCR step for C class bases stacked as a (C, n, k) array: B <- mu B + G,
  D = B - S(S^T B), batched thin SVD, S <- S V cos(lr S) V^T - U sin(lr S) V^T, and a QR
  every 5th step (the timing runs whole cycles of 5 steps and divides).

Reads {threads, tasks: [...]} as JSON on stdin; sets OPENBLAS_NUM_THREADS to `threads` before
importing NumPy; prints {results: [{name, ms, check}]} with the median wall time in ms and a
value to compare with ours (the result of exp and log, the distance, the Karcher mean)."""
import json
import os
import sys
import time

request = json.load(sys.stdin)
os.environ["OPENBLAS_NUM_THREADS"] = str(request.get("threads", 1))
import numpy as np  # noqa: E402


def median_ms(fn, min_time=0.4, min_runs=5):
    for _ in range(2):
        fn()
    ts = []
    start = time.perf_counter()
    while len(ts) < min_runs or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts))


def exp_map(y, h):
    u, s, vt = np.linalg.svd(h, full_matrices=False)
    return (y @ vt.T * np.cos(s)) @ vt + (u * np.sin(s)) @ vt


def log_map(y, z):
    ytz = y.T @ z
    at = z.T - ytz.T @ y.T  # ((I - YY^T) Z)^T
    bt = np.linalg.solve(ytz.T, at)  # ((I - YY^T) Z (Y^T Z)^{-1})^T
    u, s, vt = np.linalg.svd(bt.T, full_matrices=False)
    return (u * np.arctan(s)) @ vt


def distance(y, z):
    m = y.T @ z
    cos = np.linalg.svd(m, compute_uv=False)  # descending: ascending angles
    sin = np.linalg.svd(z - y @ m, compute_uv=False)[::-1]  # ascending: ascending angles
    theta = np.where(cos**2 >= 0.5, np.arcsin(np.clip(sin, -1, 1)), np.arccos(np.clip(cos, -1, 1)))
    return float(np.linalg.norm(theta))


def batched_log(x, ys):
    # ys: (N, n, k); log_X(Y_i) for all i
    xty = np.einsum("nk,bnl->bkl", x, ys)
    at = np.swapaxes(ys, 1, 2) - np.swapaxes(xty, 1, 2) @ x.T
    bt = np.linalg.solve(np.swapaxes(xty, 1, 2), at)
    u, s, vt = np.linalg.svd(np.swapaxes(bt, 1, 2), full_matrices=False)
    return (u * np.arctan(s)[:, None, :]) @ vt


def karcher(ys, tol=1e-10, max_iter=100):
    n, k = ys.shape[1], ys.shape[2]
    a = np.einsum("bnk,bmk->nm", ys, ys) / len(ys)
    w, v = np.linalg.eigh(a)
    x = v[:, ::-1][:, :k].copy()
    for it in range(max_iter + 1):
        g = batched_log(x, ys).mean(axis=0)
        if np.linalg.norm(g) <= tol:
            break
        x = exp_map(x, g)
        x, _ = np.linalg.qr(x)
    return x, it


def gcr_cycle(state, grads, lr=0.01, mu=0.9):
    s, b = state["s"], state["b"]
    for t in range(5):
        b *= mu
        b += grads
        d = b - s @ (np.swapaxes(s, 1, 2) @ b)
        u, sig, vt = np.linalg.svd(d, full_matrices=False)
        v = np.swapaxes(vt, 1, 2)
        s = ((s @ v) * np.cos(lr * sig)[:, None, :]) @ vt - (u * np.sin(lr * sig)[:, None, :]) @ vt
        if t == 4:
            q, r = np.linalg.qr(s)
            s = q * np.sign(np.diagonal(r, axis1=1, axis2=2))[:, None, :]
    state["s"] = s


results = []
for task in request["tasks"]:
    kind = task["kind"]
    if kind in ("exp", "log", "distance"):
        y = np.array(task["y"])
        z = np.array(task["z"])
        if kind == "exp":
            ms = median_ms(lambda: exp_map(y, z))
            check = exp_map(y, z).tolist()
        elif kind == "log":
            ms = median_ms(lambda: log_map(y, z))
            check = log_map(y, z).tolist()
        else:
            ms = median_ms(lambda: distance(y, z))
            check = distance(y, z)
        results.append({"name": task["name"], "ms": ms, "check": check})
    elif kind == "karcher":
        ys = np.array(task["points"])
        ms = median_ms(lambda: karcher(ys), min_time=1.0)
        x, it = karcher(ys)
        results.append({"name": task["name"], "ms": ms, "mean": x.tolist(), "iterations": it})
    elif kind == "gcr":
        s0 = np.array(task["s"])
        grads = np.array(task["g"])
        state = {"s": s0.copy(), "b": np.zeros_like(s0)}
        ms = median_ms(lambda: gcr_cycle(state, grads), min_time=1.0) / 5
        results.append({"name": task["name"], "ms": ms})
print(json.dumps({"results": results}))
