/**
 * Server-side validation of data against a form-js schema (schemaVersion 18): the field properties the
 * procedure forms under processes/ use: `validate.required`, `pattern`, `min`, `max`, `minLength`,
 * `maxLength`, `validationType` (email, phone), the options of select/radio/checklist/taglist, datetime
 * subtypes, and `conditional.hide` with the simple FEEL comparisons the forms use (`=field != "value"`).
 * Hidden fields are neither required nor kept.
 */

/** One field problem, in both languages. */
export interface FieldProblem {
  field: string;
  message_vi: string;
  message: string;
}

/** A form-js component, as much as the validator reads. */
interface Component {
  type?: string;
  key?: string;
  label?: string;
  dateLabel?: string;
  subtype?: string;
  validate?: {
    required?: boolean;
    pattern?: string;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    validationType?: string;
  };
  values?: { value: unknown }[];
  conditional?: { hide?: string };
  components?: Component[];
}

const DISPLAY_ONLY = new Set([
  'text',
  'html',
  'image',
  'spacer',
  'separator',
  'button',
  'iframe',
  'table',
  'documentPreview',
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{8,20}$/;
const HIDE = /^=\s*([A-Za-z_][\w]*)\s*(!=|=)\s*(?:"([^"]*)"|(true|false)|(-?\d+(?:\.\d+)?))\s*$/;

/** Evaluates `conditional.hide`; unknown expressions count as "shown" so required fields stay required. */
export function isHidden(expression: string | undefined, data: Record<string, unknown>): boolean {
  if (!expression) return false;
  const m = HIDE.exec(expression);
  if (!m) return false;
  const [, key = '', op, text, bool, num] = m;
  const expected: unknown = text !== undefined ? text : bool !== undefined ? bool === 'true' : Number(num);
  const equal = data[key] === expected;
  return op === '=' ? equal : !equal;
}

/** The input fields of a schema (nested groups flattened), in form order. */
export function formFields(schema: unknown): Component[] {
  const out: Component[] = [];
  const walk = (components: unknown): void => {
    if (!Array.isArray(components)) return;
    for (const c of components as Component[]) {
      if (c.components) walk(c.components);
      if (c.key && !DISPLAY_ONLY.has(c.type ?? '')) out.push(c);
    }
  };
  walk((schema as { components?: unknown } | null)?.components);
  return out;
}

const labelOf = (c: Component): string => c.label ?? c.dateLabel ?? c.key ?? '';

function checkValue(c: Component, value: unknown, problems: FieldProblem[]): void {
  const key = c.key ?? '';
  const label = labelOf(c);
  const bad = (vi: string, en: string): void =>
    void problems.push({ field: key, message_vi: `${label}: ${vi}`, message: `${key}: ${en}` });
  const v = c.validate ?? {};
  const options = c.values?.map((o) => o.value);
  switch (c.type) {
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return bad('phải là một số.', 'must be a number');
      if (v.min !== undefined && n < v.min) bad(`không được nhỏ hơn ${v.min}.`, `must be >= ${v.min}`);
      if (v.max !== undefined && n > v.max) bad(`không được lớn hơn ${v.max}.`, `must be <= ${v.max}`);
      return;
    }
    case 'checkbox':
      if (typeof value !== 'boolean') bad('phải là có hoặc không.', 'must be a boolean');
      return;
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return bad('phải là một danh sách.', 'must be an array');
      if (options && value.some((x) => !options.includes(x)))
        bad('có lựa chọn không hợp lệ.', 'has a value outside the options');
      return;
    case 'select':
    case 'radio':
      if (options && !options.includes(value))
        bad('lựa chọn không hợp lệ.', `must be one of ${options.join(', ')}`);
      return;
    case 'filepicker':
      return;
    case 'datetime': {
      if (typeof value !== 'string') return bad('phải là ngày giờ hợp lệ.', 'must be a date string');
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
      const ok =
        c.subtype === 'date'
          ? dateOnly.test(value) && !Number.isNaN(Date.parse(value))
          : c.subtype === 'time'
            ? /^\d{2}:\d{2}/.test(value)
            : !Number.isNaN(Date.parse(value));
      if (!ok) bad('ngày giờ không hợp lệ.', 'is not a valid date/time');
      return;
    }
    default: {
      if (typeof value !== 'string') return bad('phải là văn bản.', 'must be a string');
      if (v.minLength !== undefined && value.length < v.minLength)
        bad(`phải có ít nhất ${v.minLength} ký tự.`, `must have >= ${v.minLength} characters`);
      if (v.maxLength !== undefined && value.length > v.maxLength)
        bad(`không được quá ${v.maxLength} ký tự.`, `must have <= ${v.maxLength} characters`);
      if (v.pattern && !new RegExp(v.pattern, 'u').test(value))
        bad('không đúng định dạng.', `does not match ${v.pattern}`);
      if (v.validationType === 'email' && !EMAIL.test(value))
        bad('không phải địa chỉ thư điện tử hợp lệ.', 'is not an e-mail address');
      if (v.validationType === 'phone' && !PHONE.test(value))
        bad('không phải số điện thoại hợp lệ.', 'is not a phone number');
    }
  }
}

/** Result of a validation: the cleaned data (hidden and empty fields dropped) or the problems. */
export interface FormValidation {
  data: Record<string, unknown>;
  problems: FieldProblem[];
}

/**
 * Validates `data` against `schema`. Unknown keys are problems (a typo must not be dropped silently), unless
 * listed in `allowExtra`. Numbers given as numeric strings are converted.
 */
export function validateForm(
  schema: unknown,
  data: Record<string, unknown>,
  allowExtra: readonly string[] = [],
): FormValidation {
  const fields = formFields(schema);
  const problems: FieldProblem[] = [];
  const clean: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(data)) {
    if (!known.has(key) && !allowExtra.includes(key)) {
      problems.push({
        field: key,
        message_vi: `Trường "${key}" không có trong biểu mẫu.`,
        message: `Unknown field ${key}`,
      });
    }
  }
  for (const field of fields) {
    const key = field.key ?? '';
    if (isHidden(field.conditional?.hide, data)) continue;
    const value = data[key];
    const empty =
      value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (field.validate?.required && field.type !== 'filepicker') {
        problems.push({
          field: key,
          message_vi: `${labelOf(field)}: không được để trống.`,
          message: `${key} is required`,
        });
      }
      continue;
    }
    const before = problems.length;
    checkValue(field, value, problems);
    if (problems.length === before)
      clean[key] = field.type === 'number' && typeof value === 'string' ? Number(value) : value;
  }
  for (const key of allowExtra) if (data[key] !== undefined) clean[key] = data[key];
  return { data: clean, problems };
}
