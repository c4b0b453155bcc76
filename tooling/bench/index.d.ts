export interface Timing {
  /** median time in ms */
  median: number;
  /** fastest time in ms */
  min: number;
  runs: number;
}
export interface MeasureOptions {
  minTime?: number;
  minRuns?: number;
  maxRuns?: number;
  warmup?: number;
}
export declare function measure(fn: () => unknown, options?: MeasureOptions): Timing;
export declare function measureAsync(
  fn: () => Promise<unknown>,
  options?: MeasureOptions,
): Promise<Timing>;
/**
 * Variants timed in alternation (`warmup` calls each, default 1, then `runs` rounds); one timing per variant,
 * with `cpu`: the median CPU time (ms) of the whole process per call, where the host reports it.
 */
export declare function alternate(
  variants: Array<() => unknown>,
  runs: number,
  warmup?: number,
): Promise<Array<Timing & { cpu?: number }>>;
export declare const PYTHON: string;
export declare function pythonHas(...modules: string[]): boolean;
export declare function runPython<T = unknown>(scriptPath: string, input?: unknown): T;
export interface BenchRow {
  name: string;
  /** our median time, ms */
  ours: number;
  /** peer name -> median time, ms */
  peers?: Record<string, number | undefined>;
  note?: string;
}
export declare function report(
  title: string,
  rows: BenchRow[],
): (BenchRow & { ratios: Record<string, number | null> })[];
