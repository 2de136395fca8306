import {
  evaluateCondition,
  evaluateExpression,
  evaluateFeel,
  expectDateTimeString,
  expectList,
  expectNumber,
  expectString,
  expectStringList,
} from './evaluator.js';
import type { Expression } from '../model/types.js';

const feel = (source: string): Expression => ({ kind: 'feel', source });
const text = (value: string): Expression => ({ kind: 'static', value });

describe('evaluateFeel', () => {
  it('should return the value when the expression is valid', () => {
    // given
    const context = { amount: 250, status: 'APPROVED' };
    // when
    const result = evaluateFeel('amount >= 100 and status = "APPROVED"', context);
    // then
    expect(result).toEqual({ ok: true, value: true, warnings: [] });
  });

  it('should return null with a Zeebe-worded warning when a variable is missing', () => {
    // given / when
    const result = evaluateFeel('x', {});
    // then
    expect(result).toEqual({
      ok: true,
      value: null,
      warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'x'"],
    });
  });

  it('should rephrase context entry and property warnings like FEEL Scala when a path is missing', () => {
    // given / when
    const entry = evaluateFeel('{}.x', {});
    const property = evaluateFeel('x.y', { x: 7 });
    // then
    expect(entry.warnings).toEqual(["[NO_CONTEXT_ENTRY_FOUND] No context entry found with key 'x'"]);
    expect(property.warnings).toEqual(["[NO_PROPERTY_FOUND] No property found with name 'y' of value '7'"]);
  });

  it('should fail without throwing when the expression has a syntax error', () => {
    // given / when
    const result = evaluateFeel('x +', { x: 1 });
    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^failed to parse expression 'x \+': .+ at position 3$/);
  });

  it.each([
    ['date("2024-02-29")', '2024-02-29'],
    ['date and time("2024-01-31T10:00:00")', '2024-01-31T10:00'],
    ['date and time("2024-01-31T10:00:30Z")', '2024-01-31T10:00:30Z'],
    ['date and time("2024-01-31T10:00:00+07:00")', '2024-01-31T10:00+07:00'],
    ['date and time("2024-01-31T10:00:00@Asia/Ho_Chi_Minh")', '2024-01-31T10:00+07:00[Asia/Ho_Chi_Minh]'],
    ['date and time("2024-01-31T10:00:00.5@UTC")', '2024-01-31T10:00:00.500Z'],
    ['time("10:15:00")', '10:15'],
    ['time("10:15:00+07:00")', '10:15+07:00'],
    ['duration("P1D")', 'PT24H'],
    ['duration("PT36H")', 'PT36H'],
    ['duration("-PT90M")', 'PT-1H-30M'],
    ['duration("PT0.5S")', 'PT0.5S'],
    ['duration("P1Y2M")', 'P1Y2M'],
    ['duration("P0M")', 'P0D'],
    ['years and months duration(date("2024-02-29"), date("2026-01-01"))', 'P1Y10M'],
    ['date("2024-01-31") + duration("P1M")', '2024-02-29'],
  ])('should convert %s to the string Zeebe writes when the result is temporal', (source, expected) => {
    // given / when
    const result = evaluateFeel(source, {});
    // then
    expect(result).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it('should return plain JSON when the result is a context holding temporal values and functions', () => {
    // given / when
    const result = evaluateFeel(
      '{a: 1, b: date("2024-01-01"), f: function(x) x, r: [1..3], l: [duration("PT1H")]}',
      {},
    );
    // then
    expect(result).toEqual({
      ok: true,
      value: { a: 1, b: '2024-01-01', f: null, r: null, l: ['PT1H'] },
      warnings: [],
    });
    expect(JSON.parse(JSON.stringify(result.ok && result.value))).toEqual(result.ok && result.value);
  });

  it('should return the static text unchanged when the expression is static', () => {
    // given / when
    const result = evaluateExpression(text('PT2H'), {});
    // then
    expect(result).toEqual({ ok: true, value: 'PT2H', warnings: [] });
  });
});

describe('evaluateCondition', () => {
  it('should return the boolean when the condition evaluates to true or false', () => {
    // given / when / then
    expect(evaluateCondition('x > 5', { x: 7 })).toEqual({ ok: true, value: true });
    expect(evaluateCondition('x > 5', { x: 1 })).toEqual({ ok: true, value: false });
  });

  it('should fail with Zeebe message and warnings when the condition evaluates to null', () => {
    // given / when
    const result = evaluateCondition('x', {});
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'x' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'",
    });
  });

  it('should fail without warnings section when the result is a non-boolean value', () => {
    // given / when
    const result = evaluateCondition('"yes"', {});
    // then
    expect(result).toEqual({
      ok: false,
      message: "Expected result of the expression '\"yes\"' to be 'BOOLEAN', but was 'STRING'.",
    });
  });

  it('should fail when the condition cannot be parsed', () => {
    // given / when
    const result = evaluateCondition('x >', { x: 1 });
    // then
    expect(result.ok).toBe(false);
  });
});

describe('typed helpers', () => {
  it('should return the string when a FEEL expression yields a string', () => {
    // given / when / then
    expect(expectString(feel('"job-" + kind'), { kind: 'a' })).toEqual({ ok: true, value: 'job-a' });
    expect(expectString(text('static-type'), {})).toEqual({ ok: true, value: 'static-type' });
  });

  it('should fail with the actual type when a string was expected but a number came', () => {
    // given / when
    const result = expectString(feel('x'), { x: 1 });
    // then
    expect(result).toEqual({
      ok: false,
      message: "Expected result of the expression 'x' to be 'STRING', but was 'NUMBER'.",
    });
  });

  it('should read numbers from FEEL and from numeric static text', () => {
    // given / when / then
    expect(expectNumber(text('3'), {})).toEqual({ ok: true, value: 3 });
    expect(expectNumber(feel('r + 1'), { r: 2 })).toEqual({ ok: true, value: 3 });
    expect(expectNumber(text('three'), {})).toEqual({
      ok: false,
      message: "Expected result of the expression 'three' to be 'NUMBER', but was 'STRING'.",
    });
  });

  it('should split and trim when candidate groups are a static comma-separated text', () => {
    // given / when / then
    expect(expectStringList(text(' a, b ,,c '), {})).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(expectStringList(feel('["x", g]'), { g: 'y' })).toEqual({ ok: true, value: ['x', 'y'] });
  });

  it('should fail like Zeebe when a FEEL list holds a non-string item', () => {
    // given / when
    const result = expectStringList(feel('["a", 1]'), {});
    // then
    expect(result).toEqual({
      ok: false,
      message:
        "Expected result of the expression '[\"a\", 1]' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.",
    });
  });

  it('should return JSON items when a list is expected', () => {
    // given / when / then
    expect(expectList(feel('items'), { items: [{ a: 1 }, 2] })).toEqual({ ok: true, value: [{ a: 1 }, 2] });
    expect(expectList(feel('items'), {})).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'items' to be 'ARRAY', but was 'NULL'. The evaluation reported the following warnings:\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'items'",
    });
  });

  it('should return an offset date-time when a due date is a FEEL date-time or an ISO string', () => {
    // given / when / then
    expect(expectDateTimeString(feel('date and time("2024-01-31T10:00:00@Asia/Ho_Chi_Minh")'), {})).toEqual({
      ok: true,
      value: '2024-01-31T10:00:00+07:00',
    });
    expect(expectDateTimeString(feel('date and time("2024-01-31T10:00:00")'), {})).toEqual({
      ok: true,
      value: '2024-01-31T10:00:00Z',
    });
    expect(expectDateTimeString(text('2024-01-31T10:00:00+07:00'), {})).toEqual({
      ok: true,
      value: '2024-01-31T10:00:00+07:00',
    });
    expect(expectDateTimeString(feel('d'), { d: '2024-01-31T03:00:00.250Z' })).toEqual({
      ok: true,
      value: '2024-01-31T03:00:00.250Z',
    });
  });

  it('should fail when a due date is not a date-time unless it may be null', () => {
    // given / when / then
    expect(expectDateTimeString(text('tomorrow'), {})).toEqual({
      ok: false,
      message: "Invalid date-time format 'tomorrow' for expression 'tomorrow'.",
    });
    expect(expectDateTimeString(feel('1'), {})).toEqual({
      ok: false,
      message: "Expected result of the expression '1' to be one of '[DATE_TIME, STRING]', but was 'NUMBER'.",
    });
    expect(expectDateTimeString(feel('missing'), {}, { nullable: true })).toEqual({ ok: true, value: null });
    expect(expectDateTimeString(text(''), {}, { nullable: true })).toEqual({ ok: true, value: null });
  });
});

describe('a bare variable name (evaluated without parsing)', () => {
  const values: [string, unknown][] = [
    ['a string', '000.00.06.H56-261124-0001'],
    ['a date-like string', '2026-11-24T08:00:00+07:00'],
    ['a number', 1250.5],
    ['zero', 0],
    ['a boolean', false],
    ['null', null],
    ['a list', [1, 'a', { b: [true, null] }]],
    ['a context', { name: 'Nguyễn Văn A', nested: { amount: 3, tags: ['x'] } }],
  ];

  it.each(values)('should give %s exactly as FEEL does through the parser', (_, value) => {
    // given the same variable read bare (fast path) and in parentheses (parsed by feelin)
    const context = { dossierCode: value, other: 1 };
    // when
    const bare = evaluateFeel('dossierCode', context);
    const parsed = evaluateFeel('(dossierCode)', context);
    // then
    expect(bare).toEqual(parsed);
    expect(bare).toMatchObject({ ok: true, warnings: [] });
  });

  it('should keep FEEL words and missing names on the parser (its value and warning)', () => {
    // when
    const word = evaluateFeel('true', { true: 'not me' });
    const missing = evaluateFeel('nowhere', { somewhere: 1 });
    const inherited = evaluateFeel('toString', {});
    // then
    expect(word).toEqual(evaluateFeel('(true)', { true: 'not me' }));
    expect(missing).toMatchObject({ ok: true, value: null });
    expect(missing.warnings.join(' ')).toMatch(/nowhere/);
    expect(inherited).toMatchObject({ ok: true, value: null });
  });
});
