// Worker side of perSampleGradientsParallel, loaded by @rg/linalg's pool workers through
// pool.call: the model rebuilt from its JSON (same architecture, same parameters bit for bit),
// then the per-sample gradients of a run of samples by the code of perSampleGradients. The
// inputs were validated on the calling side.
import { fromJSON } from '../from-json.js';
import type { ModelJSON } from '../layer.js';
import { type ModelData, buildModelObjective } from '../model-objective.js';
import type { LossName } from './loss-kernels.js';

/**
 * The per-sample gradients of the samples in `data` (rows × dim) into `out`; returns `out` when
 * it is a copy (a pool without shared memory sends it back), null when it is shared memory.
 *
 * @internal
 */
export function perSampleGradientRows(
  json: ModelJSON,
  data: ModelData,
  loss: LossName,
  out: Float64Array,
): Float64Array | null {
  const model = fromJSON(json);
  const f = buildModelObjective('perSampleGradientsParallel', model, data, loss, {});
  out.set(f.perSampleGradients(model.params).data);
  return out.buffer instanceof SharedArrayBuffer ? null : out;
}
