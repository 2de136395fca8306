/** The applicant at the desk: the identity fields of POST /api/dossiers/paper, their checks, and the form pre-fill. */
import type { PaperApplicant } from '../../../api/dossiers';
import type { FormSchema } from '../../../api/types';
import { fieldsOf } from '../../../components/formSchema';

/** The values as typed. */
export interface ApplicantValues {
  type: 'citizen' | 'business';
  name: string;
  idNumber: string;
  phone: string;
  email: string;
  address: string;
}

export type ApplicantField = Exclude<keyof ApplicantValues, 'type'>;

export const EMPTY_APPLICANT: ApplicantValues = {
  type: 'citizen',
  name: '',
  idNumber: '',
  phone: '',
  email: '',
  address: '',
};

const ID_NUMBER = /^[0-9A-Za-z-]{6,20}$/;
const PHONE = /^(\+84|0)[0-9]{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const compactPhone = (phone: string) => phone.replace(/[\s.]/g, '');

/**
 * The i18n keys of the messages for the invalid fields (the API's rules: name 2–200 characters, an identity
 * number of 6–20 letters or digits, a Vietnamese phone number, an optional e-mail, an address of 5–500 characters).
 */
export function applicantErrors(v: ApplicantValues): Partial<Record<ApplicantField, string>> {
  const e: Partial<Record<ApplicantField, string>> = {};
  const name = v.name.trim();
  if (name.length < 2 || name.length > 200) e.name = name ? 'paper.errors.name' : 'paper.errors.required';
  const id = v.idNumber.trim();
  if (!id) e.idNumber = 'paper.errors.required';
  else if (!ID_NUMBER.test(id)) e.idNumber = 'paper.errors.idNumber';
  else if (v.type === 'citizen' && /^[0-9]+$/.test(id) && id.length !== 9 && id.length !== 12)
    e.idNumber = 'paper.errors.citizenId';
  const phone = compactPhone(v.phone);
  if (!phone) e.phone = 'paper.errors.required';
  else if (!PHONE.test(phone)) e.phone = 'paper.errors.phone';
  if (v.email.trim() && (!EMAIL.test(v.email.trim()) || v.email.trim().length > 200))
    e.email = 'paper.errors.email';
  const address = v.address.trim();
  if (!address) e.address = 'paper.errors.required';
  else if (address.length < 5 || address.length > 500) e.address = 'paper.errors.address';
  return e;
}

/** The body part `applicant`, trimmed, without an empty e-mail. */
export function toPaperApplicant(v: ApplicantValues): PaperApplicant {
  const email = v.email.trim();
  return {
    type: v.type,
    name: v.name.trim(),
    idNumber: v.idNumber.trim(),
    phone: compactPhone(v.phone),
    ...(email ? { email } : {}),
    address: v.address.trim(),
  };
}

/** Application-form keys the procedures use for the applicant (the citizen wizard pre-fills the same ones). */
const PREFILL: Record<string, (v: ApplicantValues) => string> = {
  applicantName: (v) => v.name.trim(),
  applicantIdNumber: (v) => v.idNumber.trim(),
  applicantPhone: (v) => compactPhone(v.phone),
  applicantEmail: (v) => v.email.trim(),
  applicantAddress: (v) => v.address.trim(),
};

/** Pre-fills the form's applicant fields that are still empty (only keys the form has: the API refuses others). */
export function prefillForm(
  schema: FormSchema | undefined,
  data: Record<string, unknown>,
  v: ApplicantValues,
): Record<string, unknown> {
  if (!schema) return data;
  const keys = new Set(fieldsOf(schema).map((f) => f.key));
  const out = { ...data };
  for (const [key, of] of Object.entries(PREFILL)) {
    const value = of(v);
    if (keys.has(key) && value && (out[key] === undefined || out[key] === '')) out[key] = value;
  }
  return out;
}
