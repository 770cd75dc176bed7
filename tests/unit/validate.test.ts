import { describe, expect, it } from 'vitest';
import { CallFailure } from '../../src/shared/result';
import * as v from '../../src/shared/validate';
import { isUuid, uuid } from '../../src/shared/uuid';
import { makeAnnotation, makePage } from './storage-fixtures';

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CallFailure ? e.code : 'thrown';
  }
}

describe('validate', () => {
  it('returns fresh objects with only known fields', () => {
    const input = { ...makeAnnotation(1), extra: 1, target: { ...makeAnnotation(1).target, more: 2 } };
    const out = v.annotation(input);
    expect(out).not.toBe(input);
    expect(out).not.toHaveProperty('extra');
    expect(out.target).not.toHaveProperty('more');
    expect(out).toEqual(makeAnnotation(1));
    const hostile = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(makePage()).slice(1)}`);
    expect(Object.getPrototypeOf(v.pageInput(hostile))).toBe(Object.prototype);
  });

  it('refuses wrong types, bad enums, oversize strings and mismatched targets', () => {
    const a = makeAnnotation(1);
    expect(code(() => v.annotation({ ...a, id: 'x' }))).toBe('bad-request');
    expect(code(() => v.annotation({ ...a, color: 'red' }))).toBe('bad-request');
    expect(code(() => v.annotation({ ...a, note: 'x'.repeat(v.LIMITS.note + 1) }))).toBe('bad-request');
    expect(code(() => v.annotation({ ...a, tags: 'a' }))).toBe('bad-request');
    expect(code(() => v.annotation({ ...a, created: 'now' }))).toBe('bad-request');
    expect(
      code(() => v.annotation({ ...a, target: { ...a.target, source: 'https://other.example/' } })),
    ).toBe('bad-request');
    expect(code(() => v.annotation({ ...a, target: { source: a.pageUrl, selector: [] } }))).toBe(
      'bad-request',
    );
    expect(code(() => v.annotation(null))).toBe('bad-request');
    expect(code(() => v.annotation([a]))).toBe('bad-request');
    expect(code(() => v.pageInput({ ...makePage(), figures: [{ text: 1 }] }))).toBe('bad-request');
    expect(code(() => v.annotationPatch({ id: a.id, color: 'mauve' }))).toBe('bad-request');
    expect(code(() => v.listPagesQuery({ limit: 10_000 }))).toBe('bad-request');
    expect(code(() => v.exportScope({ kind: 'page', url: 'javascript:x' }))).toBe('bad-request');
  });

  it('normalises URLs, ids and tags', () => {
    const a = makeAnnotation(1, 'https://x.example/a#f');
    a.target.source = 'https://x.example/a?utm_source=1';
    const out = v.annotation({ ...a, id: a.id.toUpperCase(), tags: [' a ', 'a', '', 'b  c'] });
    expect(out.pageUrl).toBe('https://x.example/a');
    expect(out.target.source).toBe('https://x.example/a');
    expect(out.id).toBe(a.id);
    expect(out.tags).toEqual(['a', 'b c']);
  });

  it('caps a payload at 1 MiB of UTF-8', () => {
    expect(code(() => v.checkSize(['x'.repeat(1000)]))).toBeNull();
    expect(code(() => v.checkSize(['x'.repeat(1024 * 1024)]))).toBe('too-large');
    expect(code(() => v.checkSize(['€'.repeat(400_000)]))).toBe('too-large');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(code(() => v.checkSize([cyclic]))).toBe('bad-request');
  });

  it('makes UUID v4s', () => {
    const ids = new Set(Array.from({ length: 100 }, uuid));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isUuid(id)).toBe(true);
  });
});
