import { vi } from 'vitest';

/**
 * What the download buttons save, for the rest of the test: each file's Blob and name (jsdom cannot
 * follow a download link). The spies are restored after the test (restoreMocks).
 */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return {
    blobs,
    names,
    /** The bytes of the `i`th file saved. */
    bytes: async (i = 0) => new Uint8Array(await (blobs[i] as Blob).arrayBuffer()),
    /** The `i`th file saved, as text (UTF-8, its BOM read as such: `bytes` shows it). */
    text: async (i = 0) => new TextDecoder().decode(await (blobs[i] as Blob).arrayBuffer()),
  };
}
