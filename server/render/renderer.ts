/**
 * The app's server renderer: the SSR bundle the build writes beside the app (dist/server/, from
 * src/entry-server.tsx) and the build's manifest, which names each page's chunk and stylesheets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A page's first screen as src/entry-server.tsx renders it. */
export interface RenderedPage {
  html: string;
  /** The dehydrated query cache (JSON-safe). */
  state: unknown;
  version: string | null;
  lang: string;
  theme: string | null;
  /** The page's module, as the manifest names it. */
  page: string | null;
  /** Queries that failed: such a page is left to the browser. */
  failed: number;
}

export type RenderPage = (url: URL, fetch: typeof globalThis.fetch, signal: AbortSignal) => Promise<RenderedPage>;

/** One entry of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Renderer {
  render: RenderPage;
  /** Null when the build wrote none: pages then come without their page's links. */
  manifest: Manifest | null;
}

/** The SSR bundle's file, relative to the built app's directory. */
export const SSR_ENTRY = 'server/entry-server.js';

/** The renderer of the build in `distDir`; null when the build has no SSR bundle. */
export async function loadRenderer(distDir: string): Promise<Renderer | null> {
  const entry = join(distDir, SSR_ENTRY);
  if (!existsSync(entry)) return null;
  const module = (await import(pathToFileURL(entry).href)) as { render: RenderPage };
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null;
  return { render: module.render, manifest };
}

/** The manifest's keys of `key`'s chunk and of every chunk it imports, directly or not. */
function chunksOf(manifest: Manifest, key: string, found = new Set<string>()): Set<string> {
  if (found.has(key) || !(key in manifest)) return found;
  found.add(key);
  for (const imported of manifest[key]?.imports ?? []) chunksOf(manifest, imported, found);
  return found;
}

/** The keys of the page's chunk and of the chunks it imports that index.html does not already load. */
function pageChunks(manifest: Manifest, page: string): string[] {
  const linked = chunksOf(manifest, 'index.html');
  return [...chunksOf(manifest, page)].filter((key) => !linked.has(key));
}

/**
 * The stylesheets a page needs beyond what index.html already links (the app's entry and its
 * imports): those of the page's chunk and of the chunks it imports.
 */
export function pageStylesheets(manifest: Manifest | null, page: string | null): string[] {
  if (!manifest || !page) return [];
  return [...new Set(pageChunks(manifest, page).flatMap((key) => manifest[key]?.css ?? []))];
}

/**
 * The page's modules beyond the app's entry and its imports: the page's chunk and those it
 * imports. Asked for with the entry once the page has painted (server/boot.ts), so the page's code
 * is here when the entry asks for it, rather than a round trip after the entry has run. (In the
 * head, before the first paint, preloading them held Lighthouse's mobile first paint of `/` back
 * by 0.2 s.)
 */
export function pageModules(manifest: Manifest | null, page: string | null): string[] {
  if (!manifest || !page) return [];
  return pageChunks(manifest, page)
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => file !== undefined && file.endsWith('.js'));
}
