import { describeManifold } from '@rg/manifold-suite';
import { euclidean, sphere, stiefel, stiefelPolar } from './index.js';

describeManifold('euclidean (3×2)', { manifold: euclidean, rows: 3, cols: 2 });
describeManifold('sphere (vectors, 6×1)', { manifold: sphere, rows: 6, cols: 1 });
describeManifold('sphere (matrices, 3×4)', { manifold: sphere, rows: 3, cols: 4 });
describeManifold('stiefel (8×3)', { manifold: stiefel, rows: 8, cols: 3 });
describeManifold('stiefel (square, 4×4)', { manifold: stiefel, rows: 4, cols: 4 });
describeManifold('stiefel (a unit vector, 5×1)', { manifold: stiefel, rows: 5, cols: 1 });
describeManifold('stiefelPolar (8×3)', { manifold: stiefelPolar, rows: 8, cols: 3 });
