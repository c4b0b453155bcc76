// Generative benchmark of @rg/diffusion: training throughput of the multiplicative model's score
// network (64-dimensional digits, hidden 128, two residual blocks, batch 128, Adam) and the time
// to draw 1000 digits with 200 DLS steps, against a NumPy implementation of the same network,
// loss, optimizer and sampler (bench/generative_peer.py, OPENBLAS_NUM_THREADS=1) in the same run.
// Run alone with `npx tsx bench/generative.ts`; bench/index.ts runs it after the heat rows.
// Run of 2026-12-04 (one run, 2 shared cores under heavy load):
//   train digits hidden=128 batch=128 200 steps  ours 2169 samples/s  NumPy 1237 (1.75x)
//   sample dls n=1000 steps=200                  ours 119 s           NumPy 220 s (1.85x)
//   (--quick, n=100, 20 steps, 20 training steps: NumPy 1.75x faster training, 3.5x sampling)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchRow, PYTHON, pythonHas } from '@rg/bench';
import { digits } from '@rg/datasets';
import { matrix } from '@rg/linalg';
import { multiplicativeDiffusion } from '../src/index.js';

/** the benchmark rows (training throughput as ms per 1000 training samples, sampling in ms) */
export function generativeRows(quick: boolean): BenchRow[] {
  const { images } = digits();
  const data = matrix(
    images.rows,
    64,
    images.data.map((v) => 1 + v / 16),
  );
  const steps = quick ? 20 : 200;
  const samples = quick ? 100 : 1000;
  const sampleSteps = quick ? 20 : 200;
  const opts = { dim: 64, hidden: 128, blocks: 2, timeDim: 32 };
  const model = multiplicativeDiffusion(opts);
  model.train(data, { steps: 5, batchSize: 128 }); // warm-up
  const res = model.train(data, { steps, batchSize: 128 });
  const t0 = performance.now();
  const x = model.sample(samples, { steps: sampleSteps });
  const sampleMs = performance.now() - t0;
  if (!x.data.every((v) => v > 0)) throw new Error('generative bench: a sample is not positive');
  let peer: { trainSamplesPerSecond: number; sampleSeconds: number } | undefined;
  if (pythonHas('numpy')) {
    const dir = mkdtempSync(join(tmpdir(), 'rg-diffusion-gen-'));
    const path = join(dir, 'digits.bin');
    writeFileSync(path, data.data);
    const out = execFileSync(PYTHON, [new URL('./generative_peer.py', import.meta.url).pathname], {
      input: JSON.stringify({ ...opts, data: path, batch: 128, steps, samples, sampleSteps }),
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    peer = JSON.parse(out);
  }
  return [
    {
      name: `@rg/diffusion:train:digits,hidden=128,batch=128,steps=${steps}`,
      ours: 1e6 / res.samplesPerSecond,
      peers: { NumPy: peer ? 1e6 / peer.trainSamplesPerSecond : undefined },
      note: `ms per 1000 training samples; ours ${res.samplesPerSecond.toFixed(0)} samples/s${peer ? `, NumPy ${peer.trainSamplesPerSecond.toFixed(0)}` : ''}`,
    },
    {
      name: `@rg/diffusion:sample:dls,n=${samples},steps=${sampleSteps}`,
      ours: sampleMs,
      peers: { NumPy: peer ? 1000 * peer.sampleSeconds : undefined },
      note: 'log-space DLS sampler, one network pass per step',
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { report } = await import('@rg/bench');
  report('@rg/diffusion (generative)', generativeRows(process.argv.includes('--quick')));
}
