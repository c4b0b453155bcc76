// The frequencies of sinusoidal encodings (Vaswani et al. 2017, §3.5): column c of a width-d
// encoding is sin(ω t) for even c and cos(ω t) for odd c, with ω = base^(−2⌊c/2⌋/d).

/** ω for every column of a width-d encoding */
export function sinusoidFrequencies(d: number, base: number): Float64Array {
  const w = new Float64Array(d);
  for (let c = 0; c < d; c++) w[c] = base ** (-(2 * Math.floor(c / 2)) / d);
  return w;
}
