#!/usr/bin/python3
"""NumPy peer for bench/index.ts: the same forward and backward passes as @rg/nn, written out
by hand in NumPy the way a from-scratch NumPy implementation (or PyTorch's kernels) computes
them, batched with np.matmul / einsum-free reshapes.

Reads {tasks: [...]} as JSON on stdin, each task with the parameters by name (row-major,
@rg/nn's layout: a weight is fan-in × fan-out), the input and the upstream gradient or the
targets; prints {results: [{name, ms, best, cpu, grads: {name: [...]}, gradInput?: [...]}]} where ms is
the median wall time of one forward + backward, best the fastest run, cpu the process CPU time
per run (summed over threads), and grads are the gradients of that pass, so the bench can check
that both sides computed the same numbers.

The thread count of OpenBLAS is fixed by the caller through OPENBLAS_NUM_THREADS (the bench
runs this script once single-threaded and once with the default)."""
import json
import sys
import time

import numpy as np

GELU_C = np.sqrt(2 / np.pi)
GELU_A = 0.044715


def median_ms(step, min_time=1.0, min_runs=5):
    """median and best wall time of one step, and process CPU time per step (all threads)"""
    for _ in range(3):
        step()
    ts = []
    start = time.perf_counter()
    cpu0 = time.process_time()
    while len(ts) < min_runs or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        step()
        ts.append((time.perf_counter() - t0) * 1000)
    cpu = (time.process_time() - cpu0) * 1000 / len(ts)
    return float(np.median(ts)), float(np.min(ts)), cpu


def layer_norm(x, w, b, eps):
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    r = 1 / np.sqrt((xc * xc).mean(axis=1, keepdims=True) + eps)
    xh = xc * r
    return xh * w + b, (xh, r)


def layer_norm_backward(g, w, cache):
    xh, r = cache
    h = g * w
    a = h.mean(axis=1, keepdims=True)
    bb = (h * xh).mean(axis=1, keepdims=True)
    return r * (h - a - xh * bb), (g * xh).sum(axis=0, keepdims=True), g.sum(axis=0, keepdims=True)


def block_forward(x, p, pre, B, T, H, eps):
    n, d = x.shape
    dh = d // H
    h1, ln1 = layer_norm(x, p[pre + "attention.norm.weight"], p[pre + "attention.norm.bias"], eps)
    a = pre + "attention.heads."
    q = h1 @ p[a + "query.weight"] + p[a + "query.bias"]
    k = h1 @ p[a + "key.weight"] + p[a + "key.bias"]
    v = h1 @ p[a + "value.weight"] + p[a + "value.bias"]
    heads = lambda m: m.reshape(B, T, H, dh).transpose(0, 2, 1, 3)  # noqa: E731
    qh, kh, vh = heads(q), heads(k), heads(v)
    s = (qh @ kh.transpose(0, 1, 3, 2)) / np.sqrt(dh)
    s = s - s.max(axis=-1, keepdims=True)
    e = np.exp(s)
    pr = e / e.sum(axis=-1, keepdims=True)
    oh = pr @ vh
    o = oh.transpose(0, 2, 1, 3).reshape(n, d)
    x1 = x + (o @ p[a + "output.weight"] + p[a + "output.bias"])
    m = pre + "mlp."
    h2, ln2 = layer_norm(x1, p[m + "norm.weight"], p[m + "norm.bias"], eps)
    u = h2 @ p[m + "up.weight"] + p[m + "up.bias"]
    t = np.tanh(GELU_C * (u + GELU_A * u**3))
    gelu = 0.5 * u * (1 + t)
    dgelu = 0.5 * (1 + t) + 0.5 * u * (1 - t * t) * GELU_C * (1 + 3 * GELU_A * u * u)
    y = x1 + (gelu @ p[m + "down.weight"] + p[m + "down.bias"])
    return y, (x, h1, ln1, qh, kh, vh, pr, o, x1, h2, ln2, gelu, dgelu)


def block_backward(gy, p, pre, cache, grads, B, T, H):
    x, h1, ln1, qh, kh, vh, pr, o, x1, h2, ln2, gelu, dgelu = cache
    n, d = x.shape
    dh = d // H
    m = pre + "mlp."
    grads[m + "down.weight"] = gelu.T @ gy
    grads[m + "down.bias"] = gy.sum(axis=0, keepdims=True)
    gu = (gy @ p[m + "down.weight"].T) * dgelu
    grads[m + "up.weight"] = h2.T @ gu
    grads[m + "up.bias"] = gu.sum(axis=0, keepdims=True)
    gh2, grads[m + "norm.weight"], grads[m + "norm.bias"] = layer_norm_backward(
        gu @ p[m + "up.weight"].T, p[m + "norm.weight"], ln2
    )
    gx1 = gy + gh2
    a = pre + "attention.heads."
    grads[a + "output.weight"] = o.T @ gx1
    grads[a + "output.bias"] = gx1.sum(axis=0, keepdims=True)
    go = (gx1 @ p[a + "output.weight"].T).reshape(B, T, H, dh).transpose(0, 2, 1, 3)
    gp = go @ vh.transpose(0, 1, 3, 2)
    gvh = pr.transpose(0, 1, 3, 2) @ go
    gs = pr * (gp - (gp * pr).sum(axis=-1, keepdims=True)) / np.sqrt(dh)
    gqh = gs @ kh
    gkh = gs.transpose(0, 1, 3, 2) @ qh
    natural = lambda m_: m_.transpose(0, 2, 1, 3).reshape(n, d)  # noqa: E731
    gq, gk, gv = natural(gqh), natural(gkh), natural(gvh)
    gh1 = np.zeros_like(x)
    for name, g in (("query", gq), ("key", gk), ("value", gv)):
        grads[a + name + ".weight"] = h1.T @ g
        grads[a + name + ".bias"] = g.sum(axis=0, keepdims=True)
        gh1 += g @ p[a + name + ".weight"].T
    gx, grads[pre + "attention.norm.weight"], grads[pre + "attention.norm.bias"] = (
        layer_norm_backward(gh1, p[pre + "attention.norm.weight"], ln1)
    )
    return gx1 + gx


def transformer(task):
    B, T, H, blocks, eps = task["batch"], task["tokens"], task["heads"], task["blocks"], task["eps"]
    p = {k: np.array(v["data"]).reshape(v["rows"], v["cols"]) for k, v in task["params"].items()}
    d = task["dModel"]
    x = np.array(task["x"]).reshape(B * T, d)
    g = np.array(task["g"]).reshape(B * T, d)
    out = {}

    def step():
        caches = []
        h = x
        for i in range(blocks):
            h, c = block_forward(h, p, f"layer{i + 1}.", B, T, H, eps)
            caches.append(c)
        grads = {}
        gh = g
        for i in reversed(range(blocks)):
            gh = block_backward(gh, p, f"layer{i + 1}.", caches[i], grads, B, T, H)
        out["grads"], out["gx"] = grads, gh

    ms, best, cpu = median_ms(step)
    return {
        "ms": ms,
        "best": best,
        "cpu": cpu,
        "grads": {k: v.ravel().tolist() for k, v in out["grads"].items()},
        "gradInput": out["gx"].ravel().tolist(),
    }


def mlp(task):
    sizes = task["sizes"]
    n = task["n"]
    p = {k: np.array(v["data"]).reshape(v["rows"], v["cols"]) for k, v in task["params"].items()}
    x = np.array(task["x"]).reshape(n, sizes[0])
    y = np.array(task["y"]).reshape(n, sizes[-1])
    names = task["layers"]
    out = {}

    def step():
        acts, masks = [x], []
        h = x
        for i, name in enumerate(names):
            z = h @ p[name + ".weight"] + p[name + ".bias"]
            if i + 1 < len(names):
                masks.append(z > 0)
                h = np.maximum(z, 0)
                acts.append(h)
            else:
                h = z
        e = np.exp(h - h.max(axis=1, keepdims=True))
        g = (e / e.sum(axis=1, keepdims=True) - y) / n
        grads = {}
        for i in reversed(range(len(names))):
            grads[names[i] + ".weight"] = acts[i].T @ g
            grads[names[i] + ".bias"] = g.sum(axis=0, keepdims=True)
            if i > 0:
                g = (g @ p[names[i] + ".weight"].T) * masks[i - 1]
        out["grads"] = grads

    ms, best, cpu = median_ms(step)
    return {"ms": ms, "best": best, "cpu": cpu, "grads": {k: v.ravel().tolist() for k, v in out["grads"].items()}}


def main():
    tasks = json.load(sys.stdin)["tasks"]
    results = []
    for t in tasks:
        r = transformer(t) if t["kind"] == "transformer" else mlp(t)
        r["name"] = t["name"]
        results.append(r)
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
