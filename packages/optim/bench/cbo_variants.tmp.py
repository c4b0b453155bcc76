import numpy as np, time, sys
sys.path.insert(0, 'bench')
exec(open('bench/cbo_study.tmp.py').read().split('t=time.time()')[0])
for lo,hi in [(-1,1),(-2,2),(-5.12,5.12)]:
    t=time.time()
    dist = study(runs=100, steps=3000, lo=lo, hi=hi, seed=7)
    print(lo,hi,'successes', np.sum(dist < 0.25), 'time', time.time()-t, flush=True)
