import {
  InvalidArgumentError,
  NonFiniteError,
  ShapeError,
  fromRows,
  matrix,
  rng,
  solve,
  zeros,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  bilinearGame,
  boxSet,
  defineGame,
  matrixGame,
  quadraticGame,
  simplexSet,
} from '../src/index.js';
import { finiteDifferenceJacobian } from '../src/internal/game-kernels.js';

function randomMatrix(r: ReturnType<typeof rng>, rows: number, cols: number) {
  return matrix(
    rows,
    cols,
    Array.from({ length: rows * cols }, () => r.normal()),
  );
}

describe('quadraticGame({ blocks, b })', () => {
  const r = rng(3);
  const sizes = [2, 3, 1];
  const blocks = sizes.map((ni) => sizes.map((nj) => randomMatrix(r, ni, nj)));
  const b = sizes.map((ni) => Array.from({ length: ni }, () => r.normal()));
  const g = quadraticGame({ blocks, b });

  it('F_i(x) = Σ_j A_ij x_j + b_i block by block', () => {
    const x = Float64Array.from({ length: 6 }, () => r.normal());
    const F = g.pseudoGradient(x);
    const offsets = [0, 2, 5, 6];
    for (let i = 0; i < 3; i++)
      for (let row = 0; row < sizes[i]; row++) {
        let s = b[i][row];
        for (let j = 0; j < 3; j++)
          for (let c = 0; c < sizes[j]; c++)
            s += blocks[i][j].data[row * sizes[j] + c] * x[offsets[j] + c];
        expect(F[offsets[i] + row]).toBeCloseTo(s, 13);
      }
    expect(g.offsets).toEqual(offsets);
    expect(g.affine && g.exactJacobian).toBe(true);
  });

  it('the equilibrium zeroes F (‖F(x*)‖ at rounding level for a well-conditioned A)', () => {
    const F = g.pseudoGradient(g.equilibrium!);
    for (const v of F) expect(Math.abs(v)).toBeLessThan(1e-12);
  });

  it('constrained games have no stored equilibrium; the projection maps into the sets', () => {
    const c = quadraticGame({ blocks, b, sets: [boxSet(0, 1), boxSet(-1, 1), simplexSet()] });
    expect(c.equilibrium).toBeUndefined();
    expect(Array.from(c.project(new Float64Array([2, -1, 5, -5, 0.5, 3])))).toEqual([
      1, 0, 1, -1, 0.5, 1,
    ]);
  });

  it('bad blocks throw typed errors naming quadraticGame', () => {
    expect(() => quadraticGame({ blocks: [[zeros(2, 2), zeros(2, 1)]], b: [[0, 0]] })).toThrow(
      ShapeError,
    );
    expect(() =>
      quadraticGame({
        blocks: [
          [zeros(2, 2), zeros(2, 2)],
          [zeros(1, 2), zeros(1, 1)],
        ],
        b: [[0, 0], [0]],
      }),
    ).toThrow(/blocks\[0\]\[1\] is 2×2, expected 2×1/);
    expect(() => quadraticGame({ blocks: [[fromRows([[Number.NaN]])]], b: [[0]] })).toThrow(
      NonFiniteError,
    );
    expect(() => quadraticGame({ blocks: [[fromRows([[1]])]], b: [[0, 1]] })).toThrow(ShapeError);
    expect(() => quadraticGame({ blocks: [], b: [] })).toThrow(InvalidArgumentError);
  });
});

describe('bilinearGame(A) and matrixGame(A, B, { entropy })', () => {
  it('bilinearGame: F = (A y, −Aᵀx), skew Jacobian, origin equilibrium', () => {
    const A = fromRows([
      [1, 2, 0],
      [0, -1, 3],
    ]);
    const g = bilinearGame(A);
    const F = g.pseudoGradient(new Float64Array([1, 2, 1, 1, 1]));
    // A y = (1·1 + 2·1, −1 + 3) = (3, 2); −Aᵀx = −(1, 2·1 − 2, 6) = (−1, 0, −6)
    expect(Array.from(F, (v) => v + 0)).toEqual([3, 2, -1, 0, -6]);
    const J = g.jacobian(new Float64Array(5)).data;
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(J[i * 5 + j] + J[j * 5 + i]).toBe(0);
    expect(Array.from(g.equilibrium!)).toEqual([0, 0, 0, 0, 0]);
  });

  it('matrixGame: the exact Jacobian agrees with central differences at interior points', () => {
    const r = rng(11);
    const A = randomMatrix(r, 3, 2);
    const B = randomMatrix(r, 3, 2);
    const g = matrixGame(A, B, { entropy: 0.7 });
    const x = new Float64Array([0.2, 0.5, 0.3, 0.6, 0.4]);
    const J = g.jacobian(x).data;
    const Jfd = finiteDifferenceJacobian((z, out) => g.pseudoGradient(z, out), x).data;
    // central differences with h ≈ 6e-6 on log terms with curvature 1/x ≤ 5: error ≲ h²/x³ ≈ 1e-8
    for (let k = 0; k < J.length; k++) expect(Math.abs(J[k] - Jfd[k])).toBeLessThan(1e-7);
    expect(g.affine).toBe(false);
    expect(g.sets[0].kind === 'simplex' && g.sets[0].floor > 0).toBe(true);
  });

  it('matrixGame: shapes must agree and entropy must be ≥ 0', () => {
    expect(() => matrixGame(zeros(2, 2), zeros(2, 3))).toThrow(ShapeError);
    expect(() => matrixGame(zeros(2, 2), zeros(2, 2), { entropy: -1 })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe('defineGame(spec)', () => {
  // F₁ = x₁³ + sin(x₂), F₂ = x₂ − x₁x₂: exact Jacobian [[3x₁², cos x₂], [−x₂, 1 − x₁]]
  const spec = {
    sizes: [1, 1],
    pseudoGradient: (x: Float64Array, out: Float64Array) => {
      out[0] = x[0] ** 3 + Math.sin(x[1]);
      out[1] = x[1] - x[0] * x[1];
    },
  };
  it('takes the Jacobian by central differences when none is given (error ≈ h² ≈ 4e-11)', () => {
    const g = defineGame(spec);
    expect(g.exactJacobian).toBe(false);
    const x = new Float64Array([0.7, -1.3]);
    const J = g.jacobian(x).data;
    const exact = [3 * 0.49, Math.cos(-1.3), 1.3, 1 - 0.7];
    for (let k = 0; k < 4; k++) expect(Math.abs(J[k] - exact[k])).toBeLessThan(1e-9);
  });

  it('accepts callbacks that return a new array', () => {
    const g = defineGame({ sizes: [2], pseudoGradient: (x) => Float64Array.from(x, (v) => 2 * v) });
    expect(Array.from(g.pseudoGradient(new Float64Array([1, 2])))).toEqual([2, 4]);
  });

  it('methods check their arguments; bad specs throw', () => {
    const g = defineGame(spec);
    expect(() => g.pseudoGradient(new Float64Array(3))).toThrow(ShapeError);
    expect(() => g.jacobian(new Float64Array([Number.NaN, 0]))).toThrow(NonFiniteError);
    expect(() => defineGame({ ...spec, sizes: [0, 1] })).toThrow(InvalidArgumentError);
    expect(() => defineGame({ ...spec, sets: [boxSet([0, 0], [1, 1]), boxSet(0, 1)] })).toThrow(
      ShapeError,
    );
    expect(() => defineGame({ sizes: [1] } as never)).toThrow(InvalidArgumentError);
    expect(() => defineGame({ ...spec, equilibrium: new Float64Array(3) })).toThrow(ShapeError);
  });

  it('an equilibrium solved independently is stored as given', () => {
    const A = fromRows([
      [2, 1],
      [-1, 3],
    ]);
    const eq = solve(A, new Float64Array([1, 1]));
    const g = defineGame({
      sizes: [1, 1],
      pseudoGradient: (x, out) => {
        out[0] = 2 * x[0] + x[1] - 1;
        out[1] = -x[0] + 3 * x[1] - 1;
      },
      equilibrium: eq,
    });
    expect(Array.from(g.equilibrium!)).toEqual(Array.from(eq));
  });
});
