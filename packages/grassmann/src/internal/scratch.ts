// Reusable scratch buffers for the kernels of this package. The kernels are synchronous and
// never re-entrant, so one buffer per named slot can serve every call: it saves allocating
// and zeroing n×k temporaries in inner loops (an optimizer step, a Karcher iteration).

const buffers = new Map<string, Float64Array>();

/** A scratch array of at least `length` entries for `slot` (contents unspecified). */
export function scratch(slot: string, length: number): Float64Array {
  let b = buffers.get(slot);
  if (!b || b.length < length) {
    b = new Float64Array(length);
    buffers.set(slot, b);
  }
  return length === b.length ? b : b.subarray(0, length);
}
