export interface DocExample {
  name: string;
  line: number;
  code: string;
}
/** Extract the `@example` blocks of one source text. */
export declare function extractExamples(text: string): DocExample[];
/** Turn `// => expected` annotations into assertions. */
export declare function instrument(code: string): string;
/** Compile an example to the body of an async function. */
export declare function compileExample(code: string): string;
/** Register one Vitest test per `@example` found under `srcDir`; returns how many. */
export declare function runDocExamples(options: {
  name: string;
  srcDir: URL | string;
  exports: Record<string, unknown>;
  importer?: (specifier: string) => Promise<unknown>;
  requireExamples?: boolean;
}): number;
/** Throw when `actual` does not match the annotation text (what follows `// =>`). */
export declare function assertAnnotation(
  actual: unknown,
  expectedText: string,
  scope?: Record<string, unknown>,
): void;
/** Compile and run one example; annotations are asserted, imports go through `importModule`. */
export declare function executeExample(
  code: string,
  importModule: (specifier: string) => Promise<unknown>,
  scope?: Record<string, unknown>,
): Promise<void>;
export interface MarkdownSnippet {
  line: number;
  code: string;
  illustrative: boolean;
}
/** Extract the ```ts blocks of a Markdown text (```ts illustrative marks a block not to run). */
export declare function extractMarkdownSnippets(text: string): MarkdownSnippet[];
/** Register one Vitest test per ```ts block of each Markdown file; returns how many run. */
export declare function runMarkdownSnippets(options: {
  files: string[];
  importer: (specifier: string) => Promise<unknown>;
  root?: string;
  skip?: Record<string, string>;
}): number;
