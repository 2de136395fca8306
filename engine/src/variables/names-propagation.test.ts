import fc from 'fast-check';
import { validateVariableName, validateVariablesDocument } from './names.js';
import { planPropagation } from './propagation.js';

describe('validateVariableName', () => {
  it.each(['orderNumber', 'order_number', '_x', 'hồSơ', 'a1'])(
    'should accept %s when it is alphanumeric or _',
    (name) => {
      // given / when / then
      expect(validateVariableName(name)).toBeUndefined();
    },
  );

  it.each([
    ['', 'empty'],
    ['1stChoice', 'digit'],
    ['order number', 'whitespace'],
    ['order-number', 'operators'],
    ['a.b', 'operators'],
    ['x?', 'operators'],
    ['null', 'keyword'],
    ['function', 'keyword'],
    ['between', 'keyword'],
    ['x'.repeat(493), 'maximum'],
  ])('should reject %j when it breaks a Zeebe rule (%s)', (name, reason) => {
    // given / when
    const problem = validateVariableName(name);
    // then
    expect(problem).toMatch(new RegExp(reason));
  });
});

describe('validateVariablesDocument', () => {
  it('should accept a JSON object when all values are JSON', () => {
    // given / when / then
    expect(validateVariablesDocument({ a: 1, b: [null, 'x', { c: true }] })).toBeUndefined();
  });

  it.each([
    [[1], "but was 'ARRAY'"],
    [null, "but was 'NULL'"],
    ['x', "but was 'STRING'"],
    [{ a: undefined }, "'a' to be a JSON value, but was 'undefined'"],
    [{ a: { b: Number.NaN } }, "'a.b' to be a JSON value, but was the number NaN"],
    [{ a: [1, new Date(0)] }, "'a[1]' to be a JSON value, but was an instance of 'Date'"],
    [{ f: () => 1 }, "'f' to be a JSON value, but was 'function'"],
  ])('should name the problem when the document is %p', (value, expected) => {
    // given / when / then
    expect(validateVariablesDocument(value)).toContain(expected);
  });

  it('should reject a cyclic document without overflowing the stack', () => {
    // given
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // when / then
    expect(validateVariablesDocument(cyclic)).toContain('cycle');
  });

  it('should check names only when asked', () => {
    // given / when / then
    expect(validateVariablesDocument({ 'order-id': 1 })).toBeUndefined();
    expect(validateVariablesDocument({ 'order-id': 1 }, { checkNames: true })).toContain('order-id');
  });
});

describe('planPropagation', () => {
  const chain = [
    { key: 'task', names: new Set(['b']) },
    { key: 'sub', names: new Set(['c']) },
    { key: 'root', names: new Set(['a', 'b']) },
  ];

  it('should write to the first scope holding the name and create unknown names at the root', () => {
    // given
    const document = { b: 1, c: 2, a: 3, d: 4 };
    // when
    const plan = planPropagation(chain, document);
    // then
    expect(plan).toEqual([
      { scopeKey: 'task', name: 'b', value: 1 },
      { scopeKey: 'sub', name: 'c', value: 2 },
      { scopeKey: 'root', name: 'a', value: 3 },
      { scopeKey: 'root', name: 'd', value: 4 },
    ]);
  });

  it('should write every variable somewhere in the chain when the document is arbitrary', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer()), (document) => {
        // given / when
        const plan = planPropagation(chain, document);
        // then
        expect(plan.map((w) => w.name)).toEqual(Object.keys(document));
        for (const write of plan) {
          const owner = chain.find((s) => s.names.has(write.name))?.key ?? 'root';
          expect(write.scopeKey).toBe(owner);
        }
      }),
    );
  });

  it('should throw when the scope chain is empty because that is a bug in the caller', () => {
    // given / when / then
    expect(() => planPropagation([], { a: 1 })).toThrow('root scope');
  });
});
