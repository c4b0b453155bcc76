/** The demos: name (the page is `<name>.html`), title and a one-line description. */
export declare const DEMOS: { name: string; title: string; description: string }[];
/** Bundle every demo into `outDir` (default dist/); returns the files written. */
export declare function buildDemos(outDir?: string): Promise<string[]>;
