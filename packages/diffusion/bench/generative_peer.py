#!/usr/bin/python3
"""NumPy peer of @rg/diffusion's generative benchmark: the same score network (dense, two
residual blocks of gelu-dense-gelu-dense, gelu, dense; tanh-approximated gelu; sinusoidal time
embedding), trained by Adam on batches of GBM-noised 8x8 digits (noise-prediction loss), then
1000 samples by the log-space DLS sampler. Reads one JSON task on stdin and prints timings.
Run with OPENBLAS_NUM_THREADS=1 (one core, like the TypeScript side).
"""
import json
import sys
import time

import numpy as np


def gelu(x):
    c = np.sqrt(2 / np.pi)
    u = c * (x + 0.044715 * x ** 3)
    t = np.tanh(u)
    return 0.5 * x * (1 + t), (t, u, c)


def gelu_grad(x, cache):
    t, u, c = cache
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)


class Net:
    def __init__(self, d, h, blocks, tdim, rs):
        self.d, self.h, self.tdim = d, h, tdim
        self.freq = 10000.0 ** (-np.arange(tdim // 2) * 2 / tdim)
        def lin(i, o):
            return [rs.randn(i, o) * np.sqrt(2 / (i + o)), np.zeros(o)]
        self.p = [lin(d + tdim, h)] + [lin(h, h) for _ in range(2 * blocks)] + [[np.zeros((h, d)), np.zeros(d)]]
        self.blocks = blocks

    def embed(self, tau):
        a = tau[:, None] * np.repeat(self.freq, 2)[None, :]
        e = np.empty_like(a)
        e[:, 0::2] = np.sin(a[:, 0::2])
        e[:, 1::2] = np.cos(a[:, 1::2])
        return e

    def forward(self, x, tau, keep=False):
        inp = np.concatenate([x, self.embed(tau)], axis=1)
        cache = [inp]
        hcur = inp @ self.p[0][0] + self.p[0][1]
        for b in range(self.blocks):
            a1, c1 = gelu(hcur)
            z1 = a1 @ self.p[1 + 2 * b][0] + self.p[1 + 2 * b][1]
            a2, c2 = gelu(z1)
            z2 = a2 @ self.p[2 + 2 * b][0] + self.p[2 + 2 * b][1]
            cache.append((hcur, a1, c1, z1, a2, c2))
            hcur = hcur + z2
        af, cf = gelu(hcur)
        out = af @ self.p[-1][0] + self.p[-1][1]
        if keep:
            self.cache = (cache, hcur, af, cf)
        return out

    def backward(self, g):
        cache, hcur, af, cf = self.cache
        grads = [None] * len(self.p)
        grads[-1] = [af.T @ g, g.sum(0)]
        gh = (g @ self.p[-1][0].T) * gelu_grad(hcur, cf)
        for b in reversed(range(self.blocks)):
            hprev, a1, c1, z1, a2, c2 = cache[1 + b]
            W1, W2 = self.p[1 + 2 * b][0], self.p[2 + 2 * b][0]
            grads[2 + 2 * b] = [a2.T @ gh, gh.sum(0)]
            gz1 = (gh @ W2.T) * gelu_grad(z1, c2)
            grads[1 + 2 * b] = [a1.T @ gz1, gz1.sum(0)]
            gh = gh + (gz1 @ W1.T) * gelu_grad(hprev, c1)
        grads[0] = [cache[0].T @ gh, gh.sum(0)]
        return grads


def main():
    task = json.load(sys.stdin)
    d, h, blocks, tdim = task['dim'], task['hidden'], task['blocks'], task['timeDim']
    data = np.fromfile(task['data'], dtype=np.float64).reshape(-1, d)
    rs = np.random.RandomState(0)
    net = Net(d, h, blocks, tdim, rs)
    sigma, T, tmin, B = 0.8, 2.0, 2e-3, task['batch']
    logs = np.log(data)
    m, v = logs.mean(0), np.maximum(logs.var(0), 1e-6)
    m1 = [[np.zeros_like(w), np.zeros_like(b)] for w, b in net.p]
    m2 = [[np.zeros_like(w), np.zeros_like(b)] for w, b in net.p]
    lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8

    def inputs(y, t):
        return (y - m) / np.sqrt(v + sigma ** 2 * t[:, None]), 1000 * t / T

    steps = task['steps']
    t0 = time.perf_counter()
    for k in range(1, steps + 1):
        x0 = logs[rs.randint(0, data.shape[0], B)]
        t = tmin + (T - tmin) * rs.rand(B)
        z = rs.randn(B, d)
        y = x0 + sigma * np.sqrt(t)[:, None] * z
        xi, tau = inputs(y, t)
        out = net.forward(xi, tau, keep=True)
        g = 2 * (out - z) / B
        grads = net.backward(g)
        for i, (gw, gb) in enumerate(grads):
            for j, gg in enumerate((gw, gb)):
                m1[i][j] = b1 * m1[i][j] + (1 - b1) * gg
                m2[i][j] = b2 * m2[i][j] + (1 - b2) * gg * gg
                net.p[i][j] -= lr * (m1[i][j] / (1 - b1 ** k)) / (np.sqrt(m2[i][j] / (1 - b2 ** k)) + eps)
    train_s = time.perf_counter() - t0

    n, ns = task['samples'], task['sampleSteps']
    grid = T * (tmin / T) ** (np.arange(ns + 1) / ns)
    t0 = time.perf_counter()
    y = m + np.sqrt(v + sigma ** 2 * T) * rs.randn(n, d)
    for k in range(ns):
        t, delta = grid[k], grid[k] - grid[k + 1]
        xi, tau = inputs(y, np.full(n, t))
        eps_hat = net.forward(xi, tau)
        xs = -1 - eps_hat / (sigma * np.sqrt(t))  # x ⊙ s
        y = y + delta * sigma ** 2 * xs - delta * (sigma ** 2 / 2 - 1.5 * sigma ** 2) + sigma * np.sqrt(delta) * rs.randn(n, d)
    sample_s = time.perf_counter() - t0
    print(json.dumps({'trainSamplesPerSecond': steps * B / train_s, 'trainSeconds': train_s, 'sampleSeconds': sample_s}))


if __name__ == '__main__':
    main()
