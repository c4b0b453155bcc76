// A time-indexed exponential moving average of returns-to-go over earlier batches: a baseline
// that does not depend on the current batch, so estimates with it stay unbiased.
import type { Trajectories } from '../rollout.js';

export class RunningBaseline {
  private mean = new Float64Array(0);
  private seen = new Uint8Array(0);

  constructor(private readonly decay = 0.9) {}

  /** per-step baseline values for a batch (0 where nothing was seen yet) */
  valuesFor(batch: Trajectories): Float64Array {
    const out = new Float64Array(batch.steps);
    for (let e = 0; e < batch.episodes; e++)
      for (let t = batch.starts[e]; t < batch.starts[e + 1]; t++) {
        const k = t - batch.starts[e];
        out[t] = k < this.mean.length ? this.mean[k] : 0;
      }
    return out;
  }

  /** fold a batch's returns-to-go G into the averages */
  update(batch: Trajectories, G: Float64Array): void {
    let H = 0;
    for (let e = 0; e < batch.episodes; e++) H = Math.max(H, batch.starts[e + 1] - batch.starts[e]);
    if (H > this.mean.length) {
      const m = new Float64Array(H);
      m.set(this.mean);
      const s = new Uint8Array(H);
      s.set(this.seen);
      this.mean = m;
      this.seen = s;
    }
    const sum = new Float64Array(H);
    const count = new Int32Array(H);
    for (let e = 0; e < batch.episodes; e++)
      for (let t = batch.starts[e]; t < batch.starts[e + 1]; t++) {
        sum[t - batch.starts[e]] += G[t];
        count[t - batch.starts[e]]++;
      }
    for (let k = 0; k < H; k++) {
      if (count[k] === 0) continue;
      const avg = sum[k] / count[k];
      this.mean[k] = this.seen[k] ? this.decay * this.mean[k] + (1 - this.decay) * avg : avg;
      this.seen[k] = 1;
    }
  }
}
