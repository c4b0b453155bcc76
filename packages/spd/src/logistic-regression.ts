// Multinomial L2-regularized logistic regression fitted by L-BFGS (Nocedal & Wright, Numerical
// Optimization, 2nd ed., Alg. 7.4 with Armijo backtracking), scikit-learn's default head.
import {
  assertFinite,
  ConvergenceError,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
  checkInteger,
  checkPositive,
  checkOptions,
} from '@rg/linalg';
import { dot, softmaxRow } from '@rg/linalg/kernels';
import { classesOf } from './internal/labels.js';

/** Options of {@link LogisticRegression}. */
export interface LogisticRegressionOptions {
  /** inverse regularization strength, as in scikit-learn (default 1) */
  C?: number;
  /** L-BFGS iterations (default 100) */
  maxIter?: number;
  /** stop when the largest gradient entry is ≤ tol (default 1e-4) */
  tol?: number;
  /** throw a ConvergenceError when maxIter is reached */
  strict?: boolean;
}

/**
 * Multinomial logistic regression on feature rows (e.g. tangent vectors): minimizes
 * Σ_i −log softmax(Wx_i + b)_{y_i} + ‖W‖²_F / (2C) (intercept not penalized) with L-BFGS.
 * After `fit`, `iterations`, `converged` and `gradientNorm` describe the optimization.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const lr = new LogisticRegression().fit(fromRows([[-2], [-1], [1], [2]]), [0, 0, 1, 1]);
 * lr.predict(fromRows([[-3], [3]])) // => [0, 1]
 */
export class LogisticRegression {
  readonly C: number;
  readonly maxIter: number;
  readonly tol: number;
  readonly strict: boolean;
  classes: number[] = [];
  /** weights, classes × features (after fit) */
  weights: Matrix | undefined;
  /** intercepts, one per class (after fit) */
  intercept: Float64Array = new Float64Array(0);
  iterations = 0;
  converged = false;
  gradientNorm = Number.POSITIVE_INFINITY;

  constructor(options: LogisticRegressionOptions = {}) {
    checkOptions('LogisticRegression', 'options', options);
    this.C = options.C ?? 1;
    this.maxIter = options.maxIter ?? 100;
    this.tol = options.tol ?? 1e-4;
    this.strict = options.strict ?? false;
    if (!(this.C > 0))
      throw new InvalidArgumentError(`LogisticRegression(): C must be > 0 (got ${this.C})`);
    checkPositive('LogisticRegression', 'tol', this.tol, true);
    checkInteger('LogisticRegression', 'maxIter', this.maxIter, 0);
  }

  fit(x: Matrix, labels: readonly number[]): this {
    assertFinite('LogisticRegression.fit', 'x', x);
    this.classes = classesOf('LogisticRegression.fit', labels, x.rows);
    const k = this.classes.length;
    const d = x.cols;
    const m = x.rows;
    const y = labels.map((l) => this.classes.indexOf(l));
    const dim = k * (d + 1);
    const lambda = 1 / this.C;
    const z = new Float64Array(k);
    const pz = new Float64Array(k);
    const f = (theta: Float64Array, g: Float64Array): number => {
      g.fill(0);
      let loss = 0;
      for (let i = 0; i < m; i++) {
        const xo = i * d;
        for (let c = 0; c < k; c++) {
          const wo = c * (d + 1);
          z[c] = theta[wo + d] + dot(d, theta, x.data, wo, xo);
        }
        const lse = softmaxRow(z, 0, k, pz, 0);
        loss += lse - z[y[i]];
        for (let c = 0; c < k; c++) {
          const r = pz[c] - (c === y[i] ? 1 : 0);
          const wo = c * (d + 1);
          for (let j = 0; j < d; j++) g[wo + j] += r * x.data[xo + j];
          g[wo + d] += r;
        }
      }
      for (let c = 0; c < k; c++)
        for (let j = 0; j < d; j++) {
          const w = theta[c * (d + 1) + j];
          loss += 0.5 * lambda * w * w;
          g[c * (d + 1) + j] += lambda * w;
        }
      return loss;
    };
    const theta = new Float64Array(dim);
    const r = lbfgs(f, theta, this.maxIter, this.tol);
    this.iterations = r.iterations;
    this.converged = r.converged;
    this.gradientNorm = r.gradientNorm;
    if (!r.converged && this.strict)
      throw new ConvergenceError(
        `LogisticRegression.fit(): no convergence after ${r.iterations} iterations (gradient ${r.gradientNorm.toExponential(2)})`,
        { iterations: r.iterations, residual: r.gradientNorm },
      );
    const w = new Float64Array(k * d);
    this.intercept = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) w[c * d + j] = theta[c * (d + 1) + j];
      this.intercept[c] = theta[c * (d + 1) + d];
    }
    this.weights = { rows: k, cols: d, data: w };
    return this;
  }

  /** Class probabilities, one row per sample. */
  predictProba(x: Matrix): number[][] {
    const w = this.weights;
    if (!w) throw new InvalidArgumentError('LogisticRegression.predictProba(): call fit() first');
    assertFinite('LogisticRegression.predictProba', 'x', x);
    if (x.cols !== w.cols)
      throw new ShapeError(
        `LogisticRegression.predictProba(): x must have ${w.cols} columns (got ${x.cols})`,
      );
    const out: number[][] = [];
    for (let i = 0; i < x.rows; i++) {
      const z = Float64Array.from(
        this.classes,
        (_, c) => this.intercept[c] + dot(w.cols, w.data, x.data, c * w.cols, i * x.cols),
      );
      softmaxRow(z, 0, z.length, z, 0);
      out.push(Array.from(z));
    }
    return out;
  }

  predict(x: Matrix): number[] {
    return this.predictProba(x).map((p) => this.classes[p.indexOf(Math.max(...p))]);
  }
}

function lbfgs(
  f: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  maxIter: number,
  tol: number,
): { iterations: number; converged: boolean; gradientNorm: number } {
  const dim = x.length;
  const mem = 10;
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const g = new Float64Array(dim);
  let fx = f(x, g);
  const gNew = new Float64Array(dim);
  const xNew = new Float64Array(dim);
  const dir = new Float64Array(dim);
  const infNorm = (v: Float64Array) => v.reduce((a, b) => Math.max(a, Math.abs(b)), 0);
  const inner = (a: Float64Array, b: Float64Array) => dot(dim, a, b);
  for (let it = 0; it < maxIter; it++) {
    const gn = infNorm(g);
    if (gn <= tol) return { iterations: it, converged: true, gradientNorm: gn };
    // two-loop recursion
    dir.set(g);
    const alpha: number[] = [];
    for (let i = ss.length - 1; i >= 0; i--) {
      const a = inner(ss[i], dir) / inner(ys[i], ss[i]);
      alpha[i] = a;
      for (let j = 0; j < dim; j++) dir[j] -= a * ys[i][j];
    }
    const gamma = ss.length
      ? inner(ss[ss.length - 1], ys[ys.length - 1]) / inner(ys[ys.length - 1], ys[ys.length - 1])
      : 1 / Math.max(1, Math.sqrt(inner(g, g)));
    for (let j = 0; j < dim; j++) dir[j] *= gamma;
    for (let i = 0; i < ss.length; i++) {
      const b = inner(ys[i], dir) / inner(ys[i], ss[i]);
      for (let j = 0; j < dim; j++) dir[j] += ss[i][j] * (alpha[i] - b);
    }
    let slope = -inner(g, dir);
    if (!(slope < 0)) {
      // not a descent direction: restart with steepest descent
      ss.length = 0;
      ys.length = 0;
      dir.set(g);
      slope = -inner(g, g);
    }
    let step = 1;
    let fNew = 0;
    let accepted = false;
    for (let ls = 0; ls < 50; ls++) {
      for (let j = 0; j < dim; j++) xNew[j] = x[j] - step * dir[j];
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    // no decrease even for tiny steps: the gradient is at rounding level, stop here
    if (!accepted) return { iterations: it, converged: gn <= tol, gradientNorm: gn };
    const s = new Float64Array(dim);
    const yv = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      s[j] = xNew[j] - x[j];
      yv[j] = gNew[j] - g[j];
    }
    if (inner(s, yv) > 1e-12 * Math.sqrt(inner(s, s) * inner(yv, yv))) {
      ss.push(s);
      ys.push(yv);
      if (ss.length > mem) {
        ss.shift();
        ys.shift();
      }
    }
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
  }
  const gn = infNorm(g);
  return { iterations: maxIter, converged: gn <= tol, gradientNorm: gn };
}
