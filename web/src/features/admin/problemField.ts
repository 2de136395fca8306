/**
 * Which form field an API error belongs to, so that its message is shown on the field rather than in an alert:
 * schema validation names the property (`body/email must match format "email"`), domain errors carry a code
 * (WEAK_PASSWORD, ACCOUNT_CONFLICT) or name the value in their English detail.
 */
import { ApiError } from '../../api/client';

/** The field of `fields` that `error` is about, or undefined (then the form shows an alert). */
export function problemField<F extends string>(error: unknown, fields: readonly F[]): F | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const { code, detail = '' } = error.problem;
  const pick = (name: string) => ((fields as readonly string[]).includes(name) ? (name as F) : undefined);
  if (code === 'WEAK_PASSWORD') return pick('password');
  if (code === 'ACCOUNT_CONFLICT') {
    if (/citizen id/i.test(detail)) return pick('citizenId');
    if (/username/i.test(detail)) return pick('username');
  }
  const property =
    /body\/([A-Za-z]+)/.exec(detail)?.[1] ?? /must have required property '([A-Za-z]+)'/.exec(detail)?.[1];
  if (property) return pick(property);
  if (error.status === 409 && /^Agency .* already starts on/.test(detail)) return pick('validFrom');
  return undefined;
}
