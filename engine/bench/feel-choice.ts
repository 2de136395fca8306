/**
 * Measures the two FEEL libraries the project could use (feelin 8.2 on temporal-polyfill, @bpmn-io/feelin 6.1
 * on luxon) on expressions typical of our process models. Run: `npx tsx engine/bench/feel-choice.ts`.
 * Prints one JSON line per (library, expression, context) plus one line per parse-only measurement.
 * The figures and the decision are recorded in docs/adr/0002-feel-library.md.
 */
import * as feelin from 'feelin';
import * as bpmnIoFeelin from '@bpmn-io/feelin';

type Evaluate = (expression: string, context: Record<string, unknown>) => { value: unknown };
type Parse = (expression: string, context: Record<string, unknown>, dialect: string | undefined) => unknown;

const libraries: readonly { name: string; evaluate: Evaluate; parse: Parse }[] = [
  { name: 'feelin@8.2', evaluate: feelin.evaluate, parse: feelin.parseExpression },
  { name: '@bpmn-io/feelin@6.1', evaluate: bpmnIoFeelin.evaluate, parse: bpmnIoFeelin.parseExpression },
];

/** A dossier-like variable document of roughly 1 KB once serialised, as a citizen's application would carry. */
function largeContext(): Record<string, unknown> {
  return {
    dossierId: 'HS-2024-000123',
    code: 'ktx',
    year: 2024,
    amount: 250,
    status: 'APPROVED',
    submittedAt: '2024-01-31T09:30:00+07:00',
    fees: [10, 20, 30.5],
    applicant: {
      fullName: 'Nguyễn Văn A',
      idNumber: '001203004567',
      birthDate: '1990-05-17',
      address: { street: '12 Lê Lợi', ward: 'Bến Nghé', district: 'Quận 1', province: 'TP Hồ Chí Minh' },
      phone: '+84901234567',
      email: 'nguyenvana@example.vn',
      documents: [
        { type: 'ID', name: 'cccd-front.jpg', size: 123456 },
        { type: 'ID', name: 'cccd-back.jpg', size: 120001 },
        { type: 'PROOF', name: 'household-registration.pdf', size: 402311 },
      ],
    },
    reviewer: { id: 'u-42', name: 'Trần Thị B', department: 'Phòng Tư pháp', groups: ['tu-phap', 'mot-cua'] },
    notes: 'Hồ sơ đầy đủ, đã kiểm tra bản gốc giấy tờ tùy thân và sổ hộ khẩu. Chuyển lãnh đạo phê duyệt.',
    history: [
      { at: '2024-01-31T09:30:00+07:00', by: 'citizen', action: 'SUBMITTED' },
      { at: '2024-02-01T10:00:00+07:00', by: 'u-42', action: 'ACCEPTED' },
    ],
  };
}

const small: Record<string, unknown> = {
  amount: 250,
  status: 'APPROVED',
  submittedAt: '2024-01-31T09:30:00+07:00',
};

const expressions: readonly { label: string; source: string; needsLarge?: boolean }[] = [
  { label: 'variable', source: 'amount' },
  { label: 'condition', source: 'amount >= 100 and status = "APPROVED"' },
  { label: 'filter+count', source: 'count(applicant.documents[type = "ID"]) > 0', needsLarge: true },
  { label: 'string-concat', source: '"HS-" + string(year) + "-" + upper case(code)', needsLarge: true },
  {
    label: 'date-time-compare',
    source: 'date and time(submittedAt) + duration("P5D") < date and time("2030-01-01T00:00:00Z")',
  },
  { label: 'date-plus-month', source: 'date(substring(submittedAt, 1, 10)) + duration("P1M")' },
  {
    label: 'context-build',
    source: '{ id: dossierId, total: sum(fees), who: applicant.fullName }',
    needsLarge: true,
  },
];

/** Runs `fn` repeatedly for about `ms` milliseconds (after a warm-up) and returns operations per second. */
function measure(fn: () => void, ms = 700): number {
  for (let i = 0; i < 300; i++) fn();
  let count = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 100; i++) fn();
    count += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return count / (Number(elapsed) / 1e9);
}

function line(data: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(data)}\n`);
}

const large = largeContext();
line({ kind: 'setup', node: process.version, largeContextBytes: JSON.stringify(large).length });
for (const { label, source, needsLarge } of expressions) {
  const contexts: [string, Record<string, unknown>][] = needsLarge
    ? [['1KB', large]]
    : [
        ['small', small],
        ['1KB', large],
      ];
  for (const [contextName, context] of contexts) {
    for (const lib of libraries) {
      const result = JSON.stringify(lib.evaluate(source, context).value);
      const perSecond = measure(() => lib.evaluate(source, context));
      line({
        kind: 'evaluate',
        lib: lib.name,
        expr: label,
        context: contextName,
        evalsPerSec: Math.round(perSecond),
        usPerEval: +(1e6 / perSecond).toFixed(1),
        result,
      });
    }
  }
}
// Parse-only cost: what a compile-once cache could save if the libraries let us evaluate a cached tree.
for (const { label, source } of expressions) {
  for (const lib of libraries) {
    const perSecond = measure(() => lib.parse(source, large, undefined));
    line({
      kind: 'parse',
      lib: lib.name,
      expr: label,
      parsesPerSec: Math.round(perSecond),
      usPerParse: +(1e6 / perSecond).toFixed(1),
    });
  }
}
