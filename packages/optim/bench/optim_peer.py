#!/usr/bin/python3
"""NumPy peer for bench/index.ts: the same optimizer steps written the way PyTorch's
single-tensor SGD/Adam and geoopt's Stiefel optimizers write them, with in-place NumPy
operations; Newton–Schulz as in Muon's reference implementation (X ← aX + (bA + cA²)X with
A = XXᵀ, on the transpose of a tall matrix); and the consensus-based optimization study of
Rastrigin vectorized over runs, particles and coordinates (one (runs, N, d) array per step).
OPENBLAS_NUM_THREADS=1: the Stiefel products are small (256×16), where threads only add
overhead, the elementwise updates do not use BLAS, and our products run on one thread too (so
the Newton–Schulz ratio compares one core with one core). Reads {tasks: [...]} as JSON on stdin
and prints {results: [{name, ms, ...}]} (median wall time of one step, in ms)."""
import json
import os
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def median_ms(step, min_time=0.3, min_runs=5):
    for _ in range(2):
        step()
    ts = []
    start = time.perf_counter()
    while len(ts) < min_runs or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        step()
        ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts))


def euclidean_sgd(n, lr=1e-3, mu=0.9):
    rng = np.random.default_rng(1)
    x, g, buf = rng.standard_normal(n), rng.standard_normal(n), np.zeros(n)

    def step():
        np.multiply(buf, mu, out=buf)
        np.add(buf, g, out=buf)
        np.subtract(x, lr * buf, out=x)

    return step


def euclidean_adam(n, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    rng = np.random.default_rng(1)
    x, g = rng.standard_normal(n), rng.standard_normal(n)
    m, v = np.zeros(n), np.zeros(n)
    t = [0]

    def step():
        t[0] += 1
        c1, c2 = 1 - b1 ** t[0], 1 - b2 ** t[0]
        np.multiply(m, b1, out=m)
        np.add(m, (1 - b1) * g, out=m)
        np.multiply(v, b2, out=v)
        np.add(v, (1 - b2) * g * g, out=v)
        denom = np.sqrt(v / c2)
        np.add(denom, eps, out=denom)
        np.subtract(x, (lr / c1) * m / denom, out=x)

    return step


def project(x, u):
    s = x.T @ u
    return u - x @ (0.5 * (s + s.T))


def qf(a):
    q, r = np.linalg.qr(a)
    return q * np.where(np.diag(r) < 0, -1.0, 1.0)


def stiefel_sgd(x0, g, lr=1e-3, mu=0.9):
    state = {"x": x0.copy(), "buf": None}

    def step():
        x = state["x"]
        xi = project(x, g)
        v = xi if state["buf"] is None else mu * state["buf"] + xi
        y = qf(x - lr * v)
        state["buf"] = project(y, v)
        state["x"] = y

    return step, state


def stiefel_adam(x0, g, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    state = {"x": x0.copy(), "m": None, "v": 0.0, "t": 0}

    def step():
        x = state["x"]
        state["t"] += 1
        c1, c2 = 1 - b1 ** state["t"], 1 - b2 ** state["t"]
        xi = project(x, g)
        m = (1 - b1) * xi if state["m"] is None else b1 * state["m"] + (1 - b1) * xi
        v = b2 * state["v"] + (1 - b2) * np.sum(xi * xi)
        a = lr / c1 / (np.sqrt(v / c2) + eps)
        y = qf(x - a * m)
        state["m"] = project(y, m)
        state["v"] = v
        state["x"] = y

    return step, state


def newton_schulz(g, steps=5, a=3.4445, b=-4.7750, c=2.0315):
    x = g / np.linalg.norm(g)
    tall = x.shape[0] > x.shape[1]
    if tall:
        x = x.T
    for _ in range(steps):
        s = x @ x.T
        x = a * x + (b * s + c * (s @ s)) @ x
    return x.T if tall else x


def cbo_study(runs, n, d, alpha, growth, lam, sigma, dt, steps, lo, hi, seed=0):
    """anisotropic CBO on Rastrigin, every run vectorized; returns ‖c − 0‖∞ per run"""
    rng = np.random.default_rng(seed)
    x = rng.uniform(lo, hi, size=(runs, n, d))
    a = alpha
    drift = lam * dt
    diffusion = sigma * np.sqrt(dt)

    def consensus(x, a):
        f = 10 * d + np.sum(x * x - 10 * np.cos(2 * np.pi * x), axis=-1)
        w = np.exp(-a * (f - f.min(axis=1, keepdims=True)))
        return np.einsum("rn,rnd->rd", w, x) / w.sum(axis=1)[:, None]

    for _ in range(steps):
        e = x - consensus(x, a)[:, None, :]
        x = x - drift * e + diffusion * e * rng.standard_normal(x.shape)
        a *= growth
    return np.max(np.abs(consensus(x, a)), axis=1)


def main():
    req = json.load(sys.stdin)
    out = []
    for task in req["tasks"]:
        kind = task["kind"]
        if kind == "newton-schulz":
            g = np.array(task["g"], dtype=np.float64)
            out.append(
                {
                    "name": task["name"],
                    "ms": median_ms(lambda: newton_schulz(g), min_time=1.0, min_runs=3),
                    "after": newton_schulz(g).tolist(),
                }
            )
            continue
        if kind == "cbo-study":
            t0 = time.perf_counter()
            dist = cbo_study(**task["params"])
            ms = (time.perf_counter() - t0) * 1000
            out.append({"name": task["name"], "ms": ms, "successes": int(np.sum(dist < 0.25))})
            continue
        if kind in ("euclidean-sgd", "euclidean-adam"):
            make = euclidean_sgd if kind == "euclidean-sgd" else euclidean_adam
            out.append({"name": task["name"], "ms": median_ms(make(task["n"]))})
        else:
            x0 = np.array(task["x0"], dtype=np.float64)
            g = np.array(task["g"], dtype=np.float64)
            make = stiefel_sgd if kind == "stiefel-sgd" else stiefel_adam
            # the same 3 steps as ours, for the agreement check, then the timing
            check, state = make(x0, g)
            for _ in range(task["checkSteps"]):
                check()
            after = state["x"].tolist()
            step, _ = make(x0, g)
            out.append({"name": task["name"], "ms": median_ms(step), "after": after})
    print(json.dumps({"results": out, "numpy": np.__version__}))


if __name__ == "__main__":
    main()
