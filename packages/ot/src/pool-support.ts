// What @rg/ot's pooled functions share: the worker module's address (the pool check and the
// arrays the workers can write come from @rg/linalg).

/** The worker module (TypeScript when running from source). */
export const WORK = new URL(
  import.meta.url.endsWith('.ts') ? './sinkhorn-pool-work.ts' : './sinkhorn-pool-work.js',
  import.meta.url,
);
