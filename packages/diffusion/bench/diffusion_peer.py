#!/usr/bin/python3
"""SciPy / scikit-learn peer for bench/index.ts: reads {tasks: [...]} as JSON on stdin, prints
median timings (ms) and results for cross-checks as JSON.

Each task names binary files (float64, row-major) written by the TypeScript side, so both sides
work on the same points and the same Laplacian. Tasks:
  knn        cKDTree k-nearest neighbours (+ Gaussian kNN graph as CSR), and sklearn's
             kneighbors_graph when scikit-learn is importable
  spmv       CSR @ x on the Laplacian given as triplets (GFLOP/s = 2 nnz / time)
  heat       scipy.sparse.linalg.expm_multiply(-t L, B) for a block B
  embedding  the full heat-geodesic pipeline: cKDTree kNN graph with Gaussian weights,
             normalized Laplacian, H = expm_multiply(-t L, I), d^2 = -4t log H + 2t(log H_ii +
             log H_jj), classical MDS by numpy eigh, SMACOF by sklearn.manifold.smacof from that
             start (one init); then sklearn's MDS(dissimilarity='precomputed') with its default
             n_init and sklearn's Isomap on the same points, when scikit-learn is importable
NumPy runs with OPENBLAS_NUM_THREADS=1 (set by the caller) so that both sides use one core.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import expm_multiply
from scipy.spatial import cKDTree

try:
    import sklearn  # noqa: F401
    from sklearn.manifold import MDS, Isomap, smacof
    from sklearn.neighbors import kneighbors_graph
    HAVE_SKLEARN = True
except Exception:  # noqa: BLE001
    HAVE_SKLEARN = False


def timed(fn, repeat):
    out = fn()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return float(np.median(ts)), out


def load(path, shape):
    return np.fromfile(path, dtype=np.float64).reshape(shape)


def gaussian_knn(x, k):
    n = x.shape[0]
    d, idx = cKDTree(x).query(x, k + 1)
    d, idx = d[:, 1:], idx[:, 1:]
    sigma = np.median(d[:, -1])
    rows = np.repeat(np.arange(n), k)
    w = np.exp(-(d.ravel() / sigma) ** 2)
    W = sp.csr_matrix((w, (rows, idx.ravel())), shape=(n, n))
    return W.maximum(W.T)


def normalized_laplacian(W):
    deg = np.asarray(W.sum(axis=1)).ravel()
    s = sp.diags(1 / np.sqrt(deg))
    return (sp.identity(W.shape[0]) - s @ W @ s).tocsr()


def laplacian_from(task):
    n = task['n']
    tri = load(task['triplets'], (3, -1))
    return sp.csr_matrix((tri[2], (tri[0].astype(np.int64), tri[1].astype(np.int64))), shape=(n, n))


def main():
    req = json.load(sys.stdin)
    res = []
    for task in req['tasks']:
        kind = task['kind']
        rep = task.get('repeat', 3)
        out = dict(name=task['name'], sklearn=HAVE_SKLEARN)
        if kind == 'knn':
            x = load(task['points'], (task['n'], task['d']))
            out['ms'], _ = timed(lambda: gaussian_knn(x, task['k']), rep)
            if HAVE_SKLEARN:
                out['sklearnMs'], _ = timed(
                    lambda: kneighbors_graph(x, task['k'], mode='distance'), rep)
        elif kind == 'spmv':
            L = laplacian_from(task)
            v = np.ones(task['n'])
            inner = task.get('inner', 100)

            def run():
                y = None
                for _ in range(inner):
                    y = L @ v
                return y
            t, _ = timed(run, rep)
            out['ms'] = t / inner
            out['nnz'] = int(L.nnz)
        elif kind == 'heat':
            L = laplacian_from(task)
            B = load(task['block'], (task['n'], task['cols']))
            t, H = timed(lambda: expm_multiply(-task['t'] * L, B), rep)
            out['ms'] = t
            out['result'] = H.ravel()[:: task.get('stride', 97)].tolist()
        elif kind == 'embedding':
            x = load(task['points'], (task['n'], task['d']))
            n, t, k, dims = task['n'], task['t'], task['k'], task['dims']

            def pipeline():
                L = normalized_laplacian(gaussian_knn(x, k))
                H = expm_multiply(-t * L, np.identity(n))
                H = 0.5 * (H + H.T)
                logH = np.log(np.maximum(H, 1e-10))
                dg = np.diag(logH)
                D = np.sqrt(np.maximum(-4 * t * logH + 2 * t * (dg[:, None] + dg[None, :]), 0))
                np.fill_diagonal(D, 0)
                J = np.identity(n) - 1.0 / n
                B = -0.5 * J @ (D ** 2) @ J
                w, V = np.linalg.eigh(B)
                X0 = V[:, -dims:][:, ::-1] * np.sqrt(np.maximum(w[-dims:][::-1], 0))
                if HAVE_SKLEARN:
                    X, stress = smacof(D, n_components=dims, init=X0, n_init=1,
                                       max_iter=task['maxIter'], eps=1e-6, metric=True,
                                       normalized_stress=False)
                else:
                    X, stress = X0, float('nan')
                return D, X, stress
            out['ms'], (D, X, stress) = timed(pipeline, task.get('repeat', 1))
            out['stress'] = float(stress)
            out['sample'] = D.ravel()[:: task.get('stride', 9973)].tolist()
            if HAVE_SKLEARN:
                mds = MDS(n_components=dims, dissimilarity='precomputed', random_state=0,
                          normalized_stress=False)
                t0 = time.perf_counter()
                mds.fit(D)
                out['mdsMs'] = (time.perf_counter() - t0) * 1000
                out['mdsStress'] = float(mds.stress_)
                t0 = time.perf_counter()
                Isomap(n_neighbors=k, n_components=dims).fit(x)
                out['isomapMs'] = (time.perf_counter() - t0) * 1000
        res.append(out)
    json.dump(dict(results=res), sys.stdout)


if __name__ == '__main__':
    main()
