import type { ChildProcess } from 'node:child_process';

export declare const CHROME_PATH: string;
export declare const CHROMIUM_ARGS: readonly string[];
export declare const LOADING_SELECTOR: string;
export declare function buildApp(outDir: string, env?: Record<string, string>): void;
export declare function startDetached(
  command: string,
  args: readonly string[],
  env?: Record<string, string>,
): ChildProcess;
export declare function stopDetached(child: ChildProcess | undefined): void;
export declare function startPreview(outDir: string, port: number, env?: Record<string, string>): ChildProcess;
export declare function startDataService(distDir: string, port: number, env?: Record<string, string>): ChildProcess;
export declare function waitForServer(url: string, ms?: number): Promise<void>;
