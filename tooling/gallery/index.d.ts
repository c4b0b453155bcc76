import type * as PlotNs from '@observablehq/plot';
export declare const Plot: typeof PlotNs;
export type Row = Record<string, string | number | boolean>;
export interface Figure {
  /** file name without extension, unique within the package */
  name: string;
  title: string;
  svg: string;
  caption?: string;
}
export interface ExampleContext {
  /** report progress in [0, 1] */
  progress(fraction: number, message?: string): void;
  /** true when a fast, reduced run is wanted (tests) */
  quick: boolean;
}
export interface ExampleResult {
  figures: Figure[];
  table: Row[];
  /** one paragraph on what the figure shows, in Markdown */
  summary: string;
}
export interface Example {
  title: string;
  description: string;
  run(ctx: ExampleContext): Promise<ExampleResult> | ExampleResult;
}
export declare function defineExample(example: Example): Example;
export declare function plotToSVG(options: PlotNs.PlotOptions): string;
export declare function markdownTable(rows: Row[]): string;
