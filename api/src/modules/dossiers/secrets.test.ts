import { createHmac, randomBytes } from 'node:crypto';
import { hashTrackingSecret } from '../../domain/tracking-secret';
import { checkSecret, hashSecret } from './secrets';

const pepper = randomBytes(32);
const code = '000.00.06.H56-261124-0001';

describe('tracking secret hashes', () => {
  it('accepts the secret it hashed and refuses another, on any code (the salt binds it to the dossier)', async () => {
    const stored = hashSecret(pepper, 'K7Q2M9XA');
    expect(stored).toMatch(/^hmac2\$[\w-]{22}\$[\w+/=]{44}$/);
    expect(await checkSecret(pepper, code, 'K7Q2M9XA', stored)).toBe(true);
    expect(await checkSecret(pepper, code, 'K7Q2M9XC', stored)).toBe(false);
    expect(await checkSecret(randomBytes(32), code, 'K7Q2M9XA', stored)).toBe(false);
  });

  it('salts every hash: one secret hashed twice gives two different stored values', () => {
    expect(hashSecret(pepper, 'K7Q2M9XA')).not.toBe(hashSecret(pepper, 'K7Q2M9XA'));
  });

  it('still verifies hmac1 hashes of earlier versions, bound to the dossier code', async () => {
    const stored = `hmac1$${createHmac('sha256', pepper).update(`${code}\nK7Q2M9XA`).digest('base64')}`;
    expect(await checkSecret(pepper, code, 'K7Q2M9XA', stored)).toBe(true);
    expect(await checkSecret(pepper, '000.00.06.H56-261124-0002', 'K7Q2M9XA', stored)).toBe(false);
  });

  it('refuses an empty secret and a malformed stored value', async () => {
    expect(await checkSecret(pepper, code, '', hashSecret(pepper, ''))).toBe(false);
    expect(await checkSecret(pepper, code, 'K7Q2M9XA', 'hmac2$broken')).toBe(false);
  });

  it('still verifies scrypt hashes', async () => {
    const stored = await hashTrackingSecret('K7Q2M9XA');
    expect(await checkSecret(pepper, code, 'K7Q2M9XA', stored)).toBe(true);
  });
});
