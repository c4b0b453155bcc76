#!/usr/bin/python3
"""NumPy peer for bench/index.ts: reads {tasks: [...]} as JSON on stdin, prints timings (ms).

The same computations written with NumPy arrays on the inputs the TypeScript side used:
- cartpole-vector: `copies` cart-poles (Gym CartPole-v1 physics, Euler) stepped `steps` times
  with the given actions, automatic reset, struct-of-arrays state;
- pg-update: Σᵢ wᵢ ∇θ log softmax(f_θ(sᵢ))[aᵢ] for a tanh MLP f (forward and backward by hand),
  parameters in @rg/nn's layout (per layer: weight inputs×outputs row-major, then bias);
- rollout-linear: one cart-pole, episodes sampled step by step under a linear softmax policy;
- novelty-scales: G2RL's reward scales 1 + β tanh(κ(nᵢ − n̄)) per group of G feature rows, with
  the novelty nᵢ = 1 − mean_{j≠i} cos(fᵢ, fⱼ).
Timings are the fastest of `repeat` runs after one warm-up (the least load-sensitive figure on
a shared machine; the TypeScript side reports its fastest run too). Run with OPENBLAS_NUM_THREADS=1 (the
bench sets it): the matrices are small.
"""
import json
import sys
import time

import numpy as np

G, MC, MP, L, F, TAU = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
TM, PML = MC + MP, MP * L
TH_LIM, X_LIM = 12 * 2 * np.pi / 360, 2.4


def timed(fn, repeat):
    fn()
    ts = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return float(np.min(ts)), out


def cartpole_step(s, a):
    """one Euler step of every row of s (n×4) under actions a (n); returns (s', done)"""
    x, xd, th, thd = s[:, 0], s[:, 1], s[:, 2], s[:, 3]
    force = np.where(a == 1, F, -F)
    c, sn = np.cos(th), np.sin(th)
    temp = (force + PML * thd * thd * sn) / TM
    thacc = (G * sn - c * temp) / (L * (4.0 / 3.0 - MP * c * c / TM))
    xacc = temp - PML * thacc * c / TM
    out = np.stack([x + TAU * xd, xd + TAU * xacc, th + TAU * thd, thd + TAU * thacc], axis=1)
    done = (np.abs(out[:, 0]) > X_LIM) | (np.abs(out[:, 2]) > TH_LIM)
    return out, done


def cartpole_vector(task):
    copies, steps = task["copies"], task["steps"]
    actions = np.array(task["actions"], dtype=np.int64).reshape(steps, copies)
    start = np.array(task["start"], dtype=float).reshape(copies, 4)
    rng = np.random.default_rng(0)

    def run():
        s = start.copy()
        t = np.zeros(copies, dtype=np.int64)
        for k in range(steps):
            s, done = cartpole_step(s, actions[k])
            t += 1
            reset = done | (t >= 500)
            if reset.any():
                s[reset] = rng.uniform(-0.05, 0.05, size=(int(reset.sum()), 4))
                t[reset] = 0
        return s

    ms, _ = timed(run, task["repeat"])
    first, _ = cartpole_step(start.copy(), actions[0])
    err = float(np.max(np.abs(first - np.array(task["first"]).reshape(copies, 4))))
    return ms, err


def unpack(theta, sizes):
    layers, o = [], 0
    for i, j in zip(sizes[:-1], sizes[1:]):
        W = theta[o : o + i * j].reshape(i, j)
        o += i * j
        b = theta[o : o + j]
        o += j
        layers.append((W, b))
    return layers


def pg_update(task):
    sizes = task["sizes"]
    theta = np.array(task["theta"], dtype=float)
    X = np.array(task["obs"], dtype=float).reshape(-1, sizes[0])
    A = np.array(task["actions"], dtype=np.int64)
    w = np.array(task["weights"], dtype=float)
    n = X.shape[0]

    def grad():
        layers = unpack(theta, sizes)
        hs = [X]
        h = X
        for k, (W, b) in enumerate(layers):
            z = h @ W + b
            h = np.tanh(z) if k < len(layers) - 1 else z
            hs.append(h)
        z = hs[-1]
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gz = -p * w[:, None]
        gz[np.arange(n), A] += w
        grads = []
        g = gz
        for k in range(len(layers) - 1, -1, -1):
            W, _ = layers[k]
            grads.append((hs[k].T @ g, g.sum(axis=0)))
            if k > 0:
                g = (g @ W.T) * (1 - hs[k] ** 2)
        grads.reverse()
        return np.concatenate([np.concatenate([gW.ravel(), gb]) for gW, gb in grads])

    ms, g = timed(grad, task["repeat"])
    err = float(np.max(np.abs(g - np.array(task["expected"]))) / max(1e-300, np.max(np.abs(g))))
    return ms, err


def rollout_linear(task):
    theta = np.array(task["theta"], dtype=float)
    W, b = theta[:8].reshape(4, 2), theta[8:10]
    steps = task["steps"]
    rng = np.random.default_rng(1)

    def run():
        done_steps = 0
        while done_steps < steps:
            s = rng.uniform(-0.05, 0.05, size=(1, 4))
            for _ in range(500):
                z = s[0] @ W + b
                p = np.exp(z - z.max())
                p /= p.sum()
                a = 1 if rng.uniform() < p[1] else 0
                s, done = cartpole_step(s, np.array([a]))
                done_steps += 1
                if done[0] or done_steps >= steps:
                    break
        return done_steps

    ms, _ = timed(run, task["repeat"])
    return ms, None


def novelty_scales(task):
    n, D, G = task["n"], task["D"], task["G"]
    F = np.array(task["features"], dtype=float).reshape(n // G, G, D)
    beta, kappa = task["bound"], task["sharpness"]

    def scales():
        U = F / np.linalg.norm(F, axis=2, keepdims=True)
        C = U @ U.transpose(0, 2, 1)
        nov = 1 - (C.sum(axis=2) - np.diagonal(C, axis1=1, axis2=2)) / (G - 1)
        return (1 + beta * np.tanh(kappa * (nov - nov.mean(axis=1, keepdims=True)))).ravel()

    ms, s = timed(scales, task["repeat"])
    err = float(np.max(np.abs(s - np.array(task["expected"]))))
    return ms, err


def main():
    tasks = json.load(sys.stdin)["tasks"]
    results = []
    for task in tasks:
        kind = task["kind"]
        if kind == "cartpole-vector":
            ms, err = cartpole_vector(task)
        elif kind == "pg-update":
            ms, err = pg_update(task)
        elif kind == "rollout-linear":
            ms, err = rollout_linear(task)
        elif kind == "novelty-scales":
            ms, err = novelty_scales(task)
        else:
            raise ValueError(kind)
        results.append({"name": task["name"], "ms": ms, "error": err})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
