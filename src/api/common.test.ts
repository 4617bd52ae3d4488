import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { lazyShape, ProvenanceSchema } from './common';

describe('lazyShape', () => {
  it('builds an object schema’s fields when it first checks an answer, once', () => {
    const build = vi.fn(() => ({ id: z.string(), count: z.int() }));
    const schema = z.object(lazyShape(build));
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ id: 'a', count: 1 })).toEqual({ id: 'a', count: 1 });
    expect(z.safeParse(schema, { id: 'a', count: 'x' }).error?.issues[0]?.path).toEqual(['count']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps what a lazily built schema refuses, and the path it names', () => {
    expect(ProvenanceSchema.parse({ kind: 'reported', source: 'L32' })).toEqual({ kind: 'reported', source: 'L32' });
    const refused = z.safeParse(ProvenanceSchema, { kind: 'reported' });
    expect(refused.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['source'], 'a reported value needs its source line'],
    ]);
    expect(z.safeParse(ProvenanceSchema, { kind: 'guessed' }).success).toBe(false);
  });
});
