#!/usr/bin/python3
"""Peer for bench/index.ts: scikit-learn's load_digits() (Debian python3-sklearn), which reads the
same 1797 images from its gzipped CSV with NumPy. Prints {ms} (median wall time of one load, in
ms) as JSON. Single-threaded: loading does no linear algebra."""
import json
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402

load_digits()
ts = []
start = time.perf_counter()
while len(ts) < 5 or time.perf_counter() - start < 0.5:
    t0 = time.perf_counter()
    load_digits()
    ts.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"ms": float(np.median(ts))}))
