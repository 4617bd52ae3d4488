/**
 * Where the wall screen keeps its last answers in the browser (wallStorage.ts writes and reads
 * them), and how they are erased. Apart from wallStorage so that the app can erase them on a
 * sign-out without loading the wall screen's code.
 */

/** The localStorage key of the saved client's buster and time; each saved answer is under `${PERSIST_PREFIX}:<query hash>`. */
export const PERSIST_PREFIX = 'beibei.present';

/** The browser's localStorage, or null where it is unavailable (private mode, blocked by policy). */
export function localStorageOrNull(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The keys of the wall screen's saved data in `store`. */
export const savedKeys = (store: Storage): string[] =>
  Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (key): key is string => key?.startsWith(PERSIST_PREFIX) ?? false,
  );

/** Erases everything the wall screen saved in this browser. */
export function eraseWallData(storage: Storage | null = localStorageOrNull()): void {
  if (storage) for (const key of savedKeys(storage)) storage.removeItem(key);
}
