import { checkFeelSyntax } from './feel-syntax.js';

describe('checkFeelSyntax', () => {
  it.each([
    'amount > 100',
    'dossier.applicant.name',
    'if approved then "OK" else "REJECTED"',
    'some x in items satisfies x.price > 10',
    'date and time("2025-01-01T00:00:00Z") + duration("P3D")',
    '{ total: sum(items.price), count: count(items) }',
    'items[price > 10]',
    '`ho-so`.id',
  ])('should accept the expression when it is valid FEEL: %s', (source) => {
    // given the expression

    // when
    const reason = checkFeelSyntax(source);

    // then
    expect(reason).toBeUndefined();
  });

  it.each([
    ['', 'the expression is empty'],
    ['a >', 'the expression ends too early (incomplete Comparison)'],
    ['count(', 'the expression ends too early (incomplete FunctionInvocation)'],
    ['a +* b', "unexpected '*' at position 4"],
    ['{a: }', "unexpected '}' at position 5"],
    [')', "unexpected ')' at position 1"],
  ])('should explain the error when the expression is %j', (source, expected) => {
    // given the expression

    // when
    const reason = checkFeelSyntax(source);

    // then
    expect(reason).toBe(expected);
  });
});
