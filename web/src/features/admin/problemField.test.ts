import { ApiError } from '../../api/client';
import { problemField } from './problemField';

const fields = ['username', 'email', 'citizenId', 'password', 'memberships', 'validFrom'] as const;
const problem = (status: number, detail: string, code?: string) =>
  new ApiError(status, {
    type: 'about:blank',
    title: 'x',
    status,
    detail,
    message_vi: 'Lỗi',
    ...(code ? { code } : {}),
  });

describe('problemField', () => {
  it('should name the field of schema validation errors and of coded domain errors', () => {
    expect(problemField(problem(400, 'body/email must match format "email"'), fields)).toBe('email');
    expect(problemField(problem(400, 'body/memberships/0/agencyCode must match pattern'), fields)).toBe(
      'memberships',
    );
    expect(
      problemField(problem(400, 'The password must have at least 8 characters.', 'WEAK_PASSWORD'), fields),
    ).toBe('password');
    expect(
      problemField(
        problem(409, 'The username is already used by another account.', 'ACCOUNT_CONFLICT'),
        fields,
      ),
    ).toBe('username');
    expect(
      problemField(
        problem(409, 'The citizen ID is already used by another account.', 'ACCOUNT_CONFLICT'),
        fields,
      ),
    ).toBe('citizenId');
    expect(problemField(problem(409, 'Agency 000.00.04.H58 already starts on 2020-01-01.'), fields)).toBe(
      'validFrom',
    );
  });

  it('should name no field when the error concerns the whole request or a field the form lacks', () => {
    expect(problemField(problem(409, 'You cannot disable your own account.'), fields)).toBeUndefined();
    expect(problemField(problem(400, 'body/slug must match pattern'), fields)).toBeUndefined();
    expect(problemField(new Error('network'), fields)).toBeUndefined();
  });
});
