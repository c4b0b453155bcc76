#!/usr/bin/python3
"""NumPy implementation of @rg/surface's grid features, for bench/index.ts and the fixtures.

The same stencils as the TypeScript package (central stencils of order p inside, one-sided
stencils of the same order at the ends of an open axis, tensor products for the mixed
derivative), with weights computed independently: exact rational solves of the Vandermonde
(Taylor) system with Python's fractions, not Fornberg's recursion. The features use a
different algebraic route where one exists: K = det II / det I, H = tr(g^-1 II)/2, principal
curvatures as eigenvalues of g^-1 II, and R_1212 = r_uu.r_vv - |r_uv|^2
+ g^{lm}(G_{l,12} G_{m,12} - G_{l,11} G_{m,22}) from the Christoffel symbols of the first kind.

As a bench peer: reads {"path": <float64 file of nu*nv*3 points>, "nu", "nv", "periodicU",
"periodicV", "du", "dv", "order", "repeat"} as JSON on stdin and prints {"ms": median,
"K": [...], "H": [...]} (K and H of every 997th node, to compare). NumPy is vectorized over
the whole grid; run it with OPENBLAS_NUM_THREADS=1 (no BLAS is involved anyway).
"""
import json
import sys
import time
from fractions import Fraction

import numpy as np


def taylor_weights(z, xs, m):
    """Weights w with sum_j w_j f(x_j) = f^(m)(z) exactly for polynomials of degree < len(xs)."""
    n = len(xs)
    # rows k = 0..n-1: sum_j w_j (x_j - z)^k = m! [k == m]
    A = [[Fraction(x - z) ** k for x in xs] for k in range(n)]
    b = [Fraction(0)] * n
    fact = 1
    for k in range(1, m + 1):
        fact *= k
    b[m] = Fraction(fact)
    # Gauss-Jordan elimination in exact arithmetic
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = next(r for r in range(c, n) if M[r][c] != 0)
        M[c], M[p] = M[p], M[c]
        piv = M[c][c]
        M[c] = [v / piv for v in M[c]]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c]
                M[r] = [a - f * bb for a, bb in zip(M[r], M[c])]
    return [float(M[j][n]) for j in range(n)]


def axis_stencil(n, periodic, m, p, h):
    """(idx, w): node i uses idx[i, k] with weight w[i, k] (unused slots carry weight 0)."""
    q = (m + p - 1) // 2
    wc = 2 * q + 1
    wo = m + p
    width = wc if periodic else max(wc, wo)
    idx = np.zeros((n, width), dtype=np.int64)
    w = np.zeros((n, width))
    central = taylor_weights(0, list(range(-q, q + 1)), m)
    for i in range(n):
        idx[i, :] = i
        if periodic or (i - q >= 0 and i + q <= n - 1):
            for k in range(wc):
                idx[i, k] = (i + k - q) % n
                w[i, k] = central[k]
        else:
            start = 0 if i - q < 0 else n - wo
            ws = taylor_weights(i, list(range(start, start + wo)), m)
            for k in range(wo):
                idx[i, k] = start + k
                w[i, k] = ws[k]
    return idx, w / h ** m


def apply_u(P, st):
    idx, w = st
    out = np.zeros_like(P)
    for k in range(idx.shape[1]):
        out += w[:, k, None, None] * P[idx[:, k], :, :]
    return out


def apply_v(P, st):
    idx, w = st
    out = np.zeros_like(P)
    for k in range(idx.shape[1]):
        out += w[None, :, k, None] * P[:, idx[:, k], :]
    return out


def stencils(nu, nv, periodic_u, periodic_v, du, dv, order):
    return dict(
        u1=axis_stencil(nu, periodic_u, 1, order, du),
        u2=axis_stencil(nu, periodic_u, 2, order, du),
        v1=axis_stencil(nv, periodic_v, 1, order, dv),
        v2=axis_stencil(nv, periodic_v, 2, order, dv),
    )


def dot(a, b):
    return np.einsum('...k,...k->...', a, b)


def features(P, st):
    """P: (nu, nv, 3). Returns a dict of per-node arrays."""
    ru = apply_u(P, st['u1'])
    ruu = apply_u(P, st['u2'])
    rv = apply_v(P, st['v1'])
    rvv = apply_v(P, st['v2'])
    ruv = apply_v(ru, st['v1'])
    E = dot(ru, ru)
    F = dot(ru, rv)
    G = dot(rv, rv)
    c = np.cross(ru, rv)
    detg = E * G - F * F
    area = np.sqrt(dot(c, c))
    n = c / area[..., None]
    L = dot(ruu, n)
    M = dot(ruv, n)
    N = dot(rvv, n)
    gi = np.stack([np.stack([G, -F], -1), np.stack([-F, E], -1)], -2) / detg[..., None, None]
    # first kind: C[l][i][j] = r_ij . r_l, as arrays over nodes
    rs = [ru, rv]
    rij = [[ruu, ruv], [ruv, rvv]]
    C1 = np.empty(P.shape[:2] + (2, 2, 2))
    for l in range(2):
        for i in range(2):
            for j in range(2):
                C1[..., l, i, j] = dot(rij[i][j], rs[l])
    C2 = np.einsum('...kl,...lij->...kij', gi, C1)
    K = (L * N - M * M) / detg
    II = np.stack([np.stack([L, M], -1), np.stack([M, N], -1)], -2)
    S = np.einsum('...ij,...jk->...ik', gi, II)
    H = 0.5 * (S[..., 0, 0] + S[..., 1, 1])
    disc = np.sqrt(np.maximum(H * H - K, 0))
    k1 = H + disc
    k2 = H - disc
    quad = np.einsum('...lm,...l,...m->...', gi, C1[..., :, 0, 1], C1[..., :, 0, 1]) - np.einsum(
        '...lm,...l,...m->...', gi, C1[..., :, 0, 0], C1[..., :, 1, 1])
    R1212 = dot(ruu, rvv) - dot(ruv, ruv) + quad
    return dict(normal=n, metric=np.stack([E, F, G], -1), secondForm=np.stack([L, M, N], -1),
                christoffel=np.stack([C2[..., 0, 0, 0], C2[..., 0, 0, 1], C2[..., 0, 1, 1],
                                      C2[..., 1, 0, 0], C2[..., 1, 0, 1], C2[..., 1, 1, 1]], -1),
                K=K, H=H, k1=k1, k2=k2, R1212=R1212, area=area)


def main():
    req = json.load(sys.stdin)
    nu, nv = req['nu'], req['nv']
    P = np.fromfile(req['path'], dtype=np.float64).reshape(nu, nv, 3)
    st = stencils(nu, nv, req['periodicU'], req['periodicV'], req['du'], req['dv'], req['order'])
    features(P, st)  # warm-up
    ts = []
    out = None
    for _ in range(req.get('repeat', 5)):
        t0 = time.perf_counter()
        out = features(P, st)
        ts.append((time.perf_counter() - t0) * 1000)
    every = 997
    json.dump(dict(ms=float(np.median(ts)), K=out['K'].ravel()[::every].tolist(),
                   H=out['H'].ravel()[::every].tolist()), sys.stdout)


if __name__ == '__main__':
    main()
