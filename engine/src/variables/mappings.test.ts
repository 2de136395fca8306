import type { Mapping } from '../model/types.js';
import { applyInputMappings, applyOutputMappings } from './mappings.js';

const map = (source: string, target: string): Mapping =>
  source.startsWith('=')
    ? { source: { kind: 'feel', source: source.slice(1) }, target }
    : { source: { kind: 'static', value: source }, target };

describe('applyInputMappings', () => {
  it('should create local variables from sources when mappings are plain names', () => {
    // given
    const mappings = [map('=customer.name', 'sender'), map('=totalPrice', 'price')];
    // when
    const result = applyInputMappings(mappings, { customer: { name: 'An' }, totalPrice: 10 });
    // then
    expect(result).toEqual({ ok: true, variables: { sender: 'An', price: 10 }, warnings: [] });
  });

  it('should let a later mapping read an earlier target when mappings are evaluated in order', () => {
    // given
    const mappings = [map('=1', 'a'), map('=a + 1', 'b'), map('=b * 10', 'a')];
    // when
    const result = applyInputMappings(mappings, { a: 100 });
    // then
    expect(result).toEqual({ ok: true, variables: { a: 20, b: 2 }, warnings: [] });
  });

  it('should map null and keep the warning when the source variable is missing', () => {
    // given / when
    const result = applyInputMappings([map('=missing', 'x')], {});
    // then
    expect(result).toEqual({
      ok: true,
      variables: { x: null },
      warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'missing'"],
    });
  });

  it('should keep a static source as a string when the source has no leading =', () => {
    // given / when
    const result = applyInputMappings([map('1', 'x'), map('say "hi"', 'y')], {});
    // then
    expect(result).toEqual({ ok: true, variables: { x: '1', y: 'say "hi"' }, warnings: [] });
  });

  it('should build nested objects without merging the scope value when the target is a path', () => {
    // given
    const mappings = [map('=1', 'a.b.c'), map('=2', 'a.b.d'), map('=3', 'a.e')];
    // when
    const result = applyInputMappings(mappings, { a: { kept: true } });
    // then
    expect(result).toEqual({ ok: true, variables: { a: { b: { c: 1, d: 2 }, e: 3 } }, warnings: [] });
  });

  it('should layer an earlier nested target over the scope value when a later mapping reads it', () => {
    // given
    const mappings = [map('=1', 'a.b'), map('=a', 'seen')];
    // when
    const result = applyInputMappings(mappings, { a: { b: 0, kept: true } });
    // then
    expect(result.ok && result.variables.seen).toEqual({ b: 1, kept: true });
  });

  it('should replace an earlier whole value when a later mapping targets a path below it', () => {
    // given
    const mappings = [map('={x: 1}', 'a'), map('=2', 'a.b'), map('=a', 'seen')];
    // when
    const result = applyInputMappings(mappings, { a: { kept: true } });
    // then
    expect(result).toEqual({ ok: true, variables: { a: { b: 2 }, seen: { b: 2 } }, warnings: [] });
  });

  it('should convert temporal results to strings when a source yields a date', () => {
    // given / when
    const result = applyInputMappings([map('=date("2024-02-29")', 'd'), map('=d', 'copy')], {});
    // then
    expect(result).toEqual({ ok: true, variables: { d: '2024-02-29', copy: '2024-02-29' }, warnings: [] });
  });

  it('should fail the whole set when one source cannot be evaluated', () => {
    // given / when
    const result = applyInputMappings([map('=1', 'a'), map('=x +', 'b')], {});
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("failed to parse expression 'x +'");
  });

  it('should fail when a target is empty or has an empty path segment', () => {
    // given / when / then
    expect(applyInputMappings([map('=1', 'a..b')], {}).ok).toBe(false);
    expect(applyInputMappings([map('=1', '')], {}).ok).toBe(false);
  });

  it('should return no variables when there are no mappings', () => {
    // given / when / then
    expect(applyInputMappings([], { a: 1 })).toEqual({ ok: true, variables: {}, warnings: [] });
  });
});

describe('applyOutputMappings', () => {
  it('should export only mapped values when output mappings exist', () => {
    // given
    const context = { status: 'OK', internal: 'x' };
    // when
    const result = applyOutputMappings([map('=status', 'paymentStatus')], context);
    // then
    expect(result).toEqual({ ok: true, variables: { paymentStatus: 'OK' }, warnings: [] });
  });

  it('should merge with the existing object at every level when the target is a path', () => {
    // given
    const context = { order: { id: 7, customer: { name: 'An', city: 'Huế' } }, result: 'done' };
    // when
    const result = applyOutputMappings([map('=result', 'order.customer.status')], context);
    // then
    expect(result).toEqual({
      ok: true,
      variables: { order: { id: 7, customer: { name: 'An', city: 'Huế', status: 'done' } } },
      warnings: [],
    });
  });

  it('should set the level to null when the existing value at the path is not an object', () => {
    // given / when
    const result = applyOutputMappings([map('=1', 'a.b'), map('=2', 'a.c')], { a: 5 });
    // then
    expect(result).toEqual({ ok: true, variables: { a: null }, warnings: [] });
  });

  it('should let a later output mapping see the earlier result when evaluated in order', () => {
    // given / when
    const result = applyOutputMappings([map('=x', 'y'), map('=y + 1', 'z')], { x: 1, y: 100 });
    // then
    expect(result).toEqual({ ok: true, variables: { y: 1, z: 2 }, warnings: [] });
  });

  it('should map null with a warning when a job result variable is missing', () => {
    // given / when
    const result = applyOutputMappings([map('=approved', 'decision')], {});
    // then
    expect(result.ok && result.variables).toEqual({ decision: null });
    expect(result.ok && result.warnings).toHaveLength(1);
  });
});
