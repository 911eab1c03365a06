/** Types for compress-web.mjs, which backend tests import to make a web build of their own. */
export declare const compressible: Set<string>;
export declare function compressDir(dir: string): Promise<{ files: number; raw: number; br: number; gz: number }>;
