/** Helpers over form-js schemas: labels of fields, and the decision / reason fields of a step form. */
import type { FormComponent, FormSchema } from '../api/types';

/** Every component with a key, depth first (groups are flattened). */
export function fieldsOf(schema: FormSchema): FormComponent[] {
  const out: FormComponent[] = [];
  const walk = (components: FormComponent[]) => {
    for (const c of components) {
      if (c.key) out.push(c);
      if (c.components) walk(c.components);
    }
  };
  walk(schema.components);
  return out;
}

/** A field's value as text, using the option label of selects. */
export function displayValue(field: FormComponent | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const option = field?.values?.find((v) => v.value === value);
  if (option) return option.label;
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The decision field: the first select whose key ends with "Decision" (as the API finds it). */
export function decisionFieldOf(schema: FormSchema): FormComponent | undefined {
  return fieldsOf(schema).find((c) => c.type === 'select' && /Decision$/.test(c.key ?? ''));
}

/** The field shown for one decision value (its `conditional.hide` is `=<decision> != "<value>"`). */
export function reasonFieldFor(
  schema: FormSchema,
  decisionKey: string,
  value: string,
): FormComponent | undefined {
  return fieldsOf(schema).find((c) => {
    const hide = (c.conditional as { hide?: string } | undefined)?.hide ?? '';
    return hide.replace(/\s+/g, '') === `=${decisionKey}!="${value}"`;
  });
}

/** The schema without the decision field and the fields it shows (the page asks for those itself). */
export function withoutDecision(schema: FormSchema, decisionKey: string): FormSchema {
  const drop = (c: FormComponent) => {
    const hide = (c.conditional as { hide?: string } | undefined)?.hide ?? '';
    return c.key === decisionKey || hide.replace(/\s+/g, '').startsWith(`=${decisionKey}!=`);
  };
  const filter = (components: FormComponent[]): FormComponent[] =>
    components
      .filter((c) => !drop(c))
      .map((c) => (c.components ? { ...c, components: filter(c.components) } : c));
  return { ...schema, components: filter(schema.components) };
}

/** The schema without file pickers: at the desk the scanned papers are attached apart, as files of the dossier. */
export function withoutFilePickers(schema: FormSchema): FormSchema {
  const filter = (components: FormComponent[]): FormComponent[] =>
    components
      .filter((c) => c.type !== 'filepicker')
      .map((c) => (c.components ? { ...c, components: filter(c.components) } : c));
  return { ...schema, components: filter(schema.components) };
}
