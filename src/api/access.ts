/**
 * Who may read the figures: the data service's READ_ACCESS, stated on every API answer in the
 * `X-Read-Access` header. `login` figures are for a signed-in editor's eyes only, so the browser
 * keeps none of them beyond the page; `public` figures may be kept (the wall screen saves its
 * last answers for a week). An answer without the header, from a static host or the mock API,
 * is public: that is the service's default.
 */
export const READ_ACCESS_HEADER = 'X-Read-Access';

export const READ_ACCESS = ['public', 'login'] as const;
export type ReadAccess = (typeof READ_ACCESS)[number];

/**
 * The read access an answer's headers state: no header is public; a value this build does not
 * know is taken as closed, since keeping figures that were not meant to be kept cannot be undone.
 */
export function readAccessOf(headers: Headers): ReadAccess {
  const stated = headers.get(READ_ACCESS_HEADER)?.trim().toLowerCase();
  return stated === undefined || stated === '' || stated === 'public' ? 'public' : 'login';
}

/**
 * The `meta` of a mutation that signs the reader out: once it succeeds, the app forgets the
 * figures the browser holds, as it does on any answer refusing a reader who is not signed in.
 */
export const SIGNS_OUT = { signsOut: true } as const;
