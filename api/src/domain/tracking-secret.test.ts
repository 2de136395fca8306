import {
  TRACKING_ALPHABET,
  formatTrackingSecret,
  generateTrackingSecret,
  hashTrackingSecret,
  normalizeTrackingSecret,
  verifyTrackingSecret,
} from './tracking-secret.js';

describe('tracking secret', () => {
  it('should use only the unambiguous alphabet when generating secrets', () => {
    // given / when
    const secrets = Array.from({ length: 200 }, generateTrackingSecret);
    // then
    for (const s of secrets) expect(s).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{8}$`));
    expect(new Set(secrets).size).toBe(200);
    expect(TRACKING_ALPHABET).not.toMatch(/[01OILSB]/);
  });

  it('should accept what the citizen typed when case, spaces, dashes or S/B differ', async () => {
    // given
    const secret = 'K75M-XR8D'.replace('-', '');
    const stored = await hashTrackingSecret(secret);
    // when
    const ok = await verifyTrackingSecret(' k7sm-xrbd ', stored);
    // then
    expect(ok).toBe(true);
  });

  it('should reject a wrong secret when it differs by one character', async () => {
    // given
    const stored = await hashTrackingSecret('K75MXR8D');
    // when / then
    expect(await verifyTrackingSecret('K75MXR8E', stored)).toBe(false);
  });

  it('should salt the hash when the same secret is hashed twice', async () => {
    // given / when
    const [a, b] = await Promise.all([hashTrackingSecret('ACDE2345'), hashTrackingSecret('ACDE2345')]);
    // then
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
  });

  it.each([
    ['a malformed stored hash', 'ACDE2345', 'plain'],
    ['a too short input', 'ACDE234', undefined],
    ['a look-alike letter that is not in the alphabet', 'ACDE234O', undefined],
  ])('should return false when given %s', async (_label, input, stored) => {
    // given
    const hash = stored ?? (await hashTrackingSecret('ACDE2345'));
    // when / then
    expect(await verifyTrackingSecret(input, hash)).toBe(false);
  });

  it('should group the secret by four when formatted for printing', () => {
    // given / when / then
    expect(formatTrackingSecret('K75MXR8D')).toBe('K75M-XR8D');
    expect(normalizeTrackingSecret('K75M-XR8D')).toBe('K75MXR8D');
  });
});
