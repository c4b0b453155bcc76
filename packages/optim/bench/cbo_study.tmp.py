import numpy as np, time, sys
def study(runs=100, N=40, d=20, alpha=30., growth=1.05, lam=1., sigma=10.1, dt=0.01, steps=5000, lo=-3., hi=3., seed=0, aniso=True):
    rng = np.random.default_rng(seed)
    x = rng.uniform(lo, hi, size=(runs, N, d))
    a = alpha
    for k in range(steps):
        f = 10*d + np.sum(x*x - 10*np.cos(2*np.pi*x), axis=-1)
        fmin = f.min(axis=1, keepdims=True)
        w = np.exp(-a*(f - fmin))
        c = np.einsum('rn,rnd->rd', w, x) / w.sum(axis=1)[:, None]
        e = x - c[:, None, :]
        xi = rng.standard_normal(x.shape)
        if aniso:
            x = x - lam*dt*e + sigma*np.sqrt(dt)*e*xi
        else:
            x = x - lam*dt*e + sigma*np.sqrt(dt)*np.linalg.norm(e, axis=-1, keepdims=True)*xi
        a *= growth
    f = 10*d + np.sum(x*x - 10*np.cos(2*np.pi*x), axis=-1)
    fmin = f.min(axis=1, keepdims=True)
    w = np.exp(-a*(f - fmin))
    c = np.einsum('rn,rnd->rd', w, x) / w.sum(axis=1)[:, None]
    return np.max(np.abs(c), axis=1)
t=time.time()
dist = study(runs=int(sys.argv[1]), steps=int(sys.argv[2]))
print('successes', np.sum(dist < 0.25), 'of', len(dist), 'time', time.time()-t)
