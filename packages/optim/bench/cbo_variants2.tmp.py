import numpy as np, time, sys
exec(open('bench/cbo_study.tmp.py').read().split('t=time.time()')[0])
for kw in [dict(N=80), dict(growth=1.02), dict(N=40, sigma=5.1)]:
    t=time.time()
    dist = study(runs=100, steps=3000, seed=11, **kw)
    print(kw,'successes', np.sum(dist < 0.25), 'time', time.time()-t, flush=True)
