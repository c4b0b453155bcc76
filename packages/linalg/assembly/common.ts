// Shared inline helpers of the WebAssembly kernels: addressing of float64 arrays at byte
// offsets and the horizontal sum of a two-lane accumulator (lane 0 + lane 1, the order the
// TypeScript twins use).

export function at(p: usize, i: i32): usize {
  return p + ((<usize>i) << 3);
}

export function ld(p: usize, i: i32): f64 {
  return load<f64>(at(p, i));
}

export function st(p: usize, i: i32, v: f64): void {
  store<f64>(at(p, i), v);
}

export function lanes(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}
