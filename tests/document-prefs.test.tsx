/**
 * <html lang> and data-theme follow the address without writing what is already there: the head
 * script (or the server) wrote them before the first paint, and writing even the same language
 * again makes the browser restyle every element while the page hydrates.
 */
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentPrefs } from '../src/app/DocumentPrefs';

/** Renders DocumentPrefs at `path`; the attribute writes on <html> it makes are recorded. */
function renderAt(path: string) {
  const router = createMemoryRouter([{ path: '*', element: <DocumentPrefs /> }], { initialEntries: [path] });
  const written: string[] = [];
  const note = (records: MutationRecord[]) => {
    for (const r of records) written.push(r.attributeName ?? '');
  };
  const observer = new MutationObserver(note);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'data-theme'] });
  render(<RouterProvider router={router} />);
  const writes = () => {
    note(observer.takeRecords());
    return written;
  };
  return { router, writes };
}

const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('the document’s language and theme', () => {
  afterEach(() => {
    document.documentElement.lang = 'zh-CN';
    delete document.documentElement.dataset.theme;
  });

  it('writes nothing where the head script already wrote what the address asks for', async () => {
    document.documentElement.lang = 'en';
    document.documentElement.dataset.theme = 'dark';
    const { writes } = renderAt('/projects?lang=en&theme=dark');
    await flush();
    expect(writes()).toEqual([]);
  });

  it('sets no theme where the address asks for none: the stylesheet follows the system’s', async () => {
    document.documentElement.lang = 'zh-CN';
    const { writes } = renderAt('/projects');
    await flush();
    expect(writes()).toEqual([]);
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('follows the address as it changes, and drops the theme when the address no longer asks for one', async () => {
    document.documentElement.lang = 'zh-CN';
    const { router } = renderAt('/');
    await act(() => router.navigate('/?lang=en&theme=dark'));
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await act(() => router.navigate('/?lang=en'));
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});
