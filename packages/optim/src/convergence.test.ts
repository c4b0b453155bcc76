// The core optimizers on three problems with known minimizers, through the shared suite:
// the Rayleigh quotient on the sphere (top eigenvector), Brockett's cost on the Stiefel manifold
// (ordered eigenvectors) and a Euclidean quadratic (a linear solve). The reference minimizers
// come from independent solvers (eigh, solve).
import { describeOptimizers } from '@rg/manifold-suite';
import { eigh, type Matrix, matmul, randomOrthogonal, rng, solve } from '@rg/linalg';
import { adam, adamw, cosineSchedule, euclidean, sgd, sphere, stiefel } from './index.js';

/** Q diag(spectrum) Qᵀ with a seeded Haar-random Q */
function withSpectrum(spectrum: number[], seed: number): Matrix {
  const n = spectrum.length;
  const q = randomOrthogonal(n, rng(seed));
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q.data[i * n + k] * spectrum[k] * q.data[j * n + k];
      data[i * n + j] = s;
    }
  return { rows: n, cols: n, data };
}

/** column c of an n×n matrix */
function column(a: Matrix, c: number): Float64Array {
  return Float64Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + c]);
}

/** ‖x_j − (x_j·v)v‖ for column j of x: the distance of that column from the line of v */
function offLine(x: Matrix, j: number, v: Float64Array): number {
  let c = 0;
  for (let i = 0; i < x.rows; i++) c += x.data[i * x.cols + j] * v[i];
  let s = 0;
  for (let i = 0; i < x.rows; i++) s += (x.data[i * x.cols + j] - c * v[i]) ** 2;
  return Math.sqrt(s);
}

function scaledMatrix(a: Matrix, s: number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v) => s * v) };
}

// Tolerances. The sgd runs converge linearly at the rate ρ = max|1 − lr·h| over the Riemannian
// Hessian's eigenvalues h at the minimizer (with momentum μ = 0.5, the spectral radius of the
// heavy-ball iteration: √μ ≈ 0.71 on the sphere and the quadratic, ≈ 0.86 on Stiefel, from its
// smallest curvature); the step counts below make ρ^steps < 1e-20, so the error ends at the rounding floor: the reference eigenvectors from eigh
// are accurate to about ε‖A‖/gap ≈ 1e-15 and the iterates to a few ulp. 1e-12 leaves three
// orders of margin above that floor. Adam has no linear-rate bound here: its cosine schedule
// anneals the step to 0; a run that stalls stays above 1e-3, a converged one reaches the floor,
// and 1e-10 separates the two with room for the schedule's last, tiny steps.
const CONVERGED = 1e-12;
const ADAM_CONVERGED = 1e-10;

{
  // f(x) = −xᵀAx on the unit sphere in ℝ¹⁰: minimizers ±v₁ (top eigenvector). The Riemannian
  // Hessian at v₁ is 2(λ₁I − A) on T_{v₁}, eigenvalues 2(λ₁ − λᵢ) ∈ [4, 8]: lr 0.15 gives ρ = 0.4.
  const a = withSpectrum([4, 2, 1.5, 1, 0.8, 0.5, 0.3, 0.2, 0.1, 0], 3);
  const { vectors } = eigh(a);
  const top = column(vectors, 9);
  describeOptimizers(
    'Rayleigh quotient on the sphere → top eigenvector (vs eigh)',
    {
      manifold: sphere,
      start: sphere.randomPoint?.(10, 1, rng(5)) as Matrix,
      gradient: (x) => scaledMatrix(matmul(a, x), -2),
      error: (x) => offLine(x, 0, top),
    },
    {
      sgd: { make: () => sgd({ lr: 0.15 }), steps: 200, tolerance: CONVERGED },
      'sgd-momentum': {
        make: () => sgd({ lr: 0.1, momentum: 0.5 }),
        steps: 200,
        tolerance: CONVERGED,
      },
      'sgd-nesterov': {
        make: () => sgd({ lr: 0.1, momentum: 0.5, nesterov: true }),
        steps: 200,
        tolerance: CONVERGED,
      },
      adam: {
        make: () => adam({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }) }),
        steps: 1000,
        tolerance: ADAM_CONVERGED,
      },
      // weight decay has no effect on the sphere (the decay direction projects to 0)
      adamw: {
        make: () => adamw({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }), weightDecay: 0.1 }),
        steps: 1000,
        tolerance: ADAM_CONVERGED,
      },
    },
  );
}

{
  // Brockett's cost f(X) = tr(XᵀAXN), N = diag(3, 2, 1), on St(8, 3): the minimizer pairs the
  // largest weight with the smallest eigenvalue, so column j is ± the eigenvector of the
  // (j+1)-th smallest eigenvalue. Hessian eigenvalues at the minimizer lie in about [2, 36]
  // (gaps (Nᵢ − Nⱼ)(λⱼ − λᵢ) ≥ 1 inside the frame, Nⱼ(λ_out − λⱼ) ≥ 2 across it).
  const a = withSpectrum([1, 2, 3, 5, 5.5, 6, 6.5, 7], 4);
  const { vectors } = eigh(a);
  const weights = [3, 2, 1];
  const eig = [0, 1, 2].map((j) => column(vectors, j));
  describeOptimizers(
    "Brockett's cost on the Stiefel manifold → ordered eigenvectors (vs eigh)",
    {
      manifold: stiefel,
      start: stiefel.randomPoint?.(8, 3, rng(6)) as Matrix,
      gradient: (x) => {
        const ax = matmul(a, x);
        return { ...ax, data: ax.data.map((v, i) => 2 * weights[i % 3] * v) };
      },
      error: (x) => Math.max(...eig.map((v, j) => offLine(x, j, v))),
    },
    {
      sgd: { make: () => sgd({ lr: 0.04 }), steps: 1200, tolerance: CONVERGED },
      'sgd-momentum': {
        make: () => sgd({ lr: 0.03, momentum: 0.5 }),
        steps: 800,
        tolerance: CONVERGED,
      },
      'sgd-nesterov': {
        make: () => sgd({ lr: 0.03, momentum: 0.5, nesterov: true }),
        steps: 800,
        tolerance: CONVERGED,
      },
      adam: {
        make: () => adam({ lr: cosineSchedule({ lr: 0.05, totalSteps: 2500 }) }),
        steps: 2500,
        tolerance: ADAM_CONVERGED,
      },
      // weight decay has no effect on the Stiefel manifold (‖X‖_F is constant)
      adamw: {
        make: () => adamw({ lr: cosineSchedule({ lr: 0.05, totalSteps: 2500 }), weightDecay: 0.1 }),
        steps: 2500,
        tolerance: ADAM_CONVERGED,
      },
    },
  );
}

{
  // f(X) = ½ tr(XᵀAX) − tr(BᵀX) on 6×2 matrices: minimizer A⁻¹B. Hessian eigenvalues 1…6:
  // lr 0.15 gives ρ = 0.85, and 400 steps give ρ^400 ≈ 1e-28.
  const a = withSpectrum([1, 2, 3, 4, 5, 6], 5);
  const r = rng(9);
  const b: Matrix = { rows: 6, cols: 2, data: Float64Array.from({ length: 12 }, () => r.normal()) };
  const solution = solve(a, b);
  let size = 0;
  for (const v of solution.data) size += v * v;
  describeOptimizers(
    'a Euclidean quadratic → A⁻¹B (vs solve)',
    {
      manifold: euclidean,
      start: { rows: 6, cols: 2, data: new Float64Array(12) },
      gradient: (x) => {
        const ax = matmul(a, x);
        return { ...ax, data: ax.data.map((v, i) => v - b.data[i]) };
      },
      // relative error; solve is backward stable, so its own error is ~ κ(A)·ε ≈ 1e-15
      error: (x) => {
        let s = 0;
        for (let i = 0; i < 12; i++) s += (x.data[i] - solution.data[i]) ** 2;
        return Math.sqrt(s / size);
      },
    },
    {
      sgd: { make: () => sgd({ lr: 0.15 }), steps: 400, tolerance: CONVERGED },
      'sgd-momentum': {
        make: () => sgd({ lr: 0.1, momentum: 0.5 }),
        steps: 400,
        tolerance: CONVERGED,
      },
      'sgd-nesterov': {
        make: () => sgd({ lr: 0.1, momentum: 0.5, nesterov: true }),
        steps: 400,
        tolerance: CONVERGED,
      },
      adam: {
        make: () => adam({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }) }),
        steps: 1000,
        tolerance: ADAM_CONVERGED,
      },
      // decoupled decay moves the fixed point away from A⁻¹B (it is not an L2 penalty for
      // Adam), so the Euclidean case runs AdamW without decay; decay is tested on its own
      adamw: {
        make: () => adamw({ lr: cosineSchedule({ lr: 0.05, totalSteps: 1000 }), weightDecay: 0 }),
        steps: 1000,
        tolerance: ADAM_CONVERGED,
      },
    },
  );
}
