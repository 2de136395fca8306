import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('should apply defaults when nothing is set', () => {
    // given an empty environment
    // when
    const config = loadConfig({}, '/srv/motcua');
    // then
    expect(config.PORT).toBe(3000);
    expect(config.ENGINE).toBe('embedded');
    expect(config.DATA_DIR).toBe('/srv/motcua/.data');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('should name every wrong variable at once', () => {
    // given two wrong values
    const env = { PORT: 'eighty', ENGINE: 'zeebe', SEED_DEMO: 'maybe' };
    // when / then
    try {
      loadConfig(env);
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      expect(message).toContain('PORT must be a whole number, got "eighty"');
      expect(message).toContain('ENGINE must be one of embedded, camunda');
      expect(message).toContain('SEED_DEMO must be true or false');
    }
  });

  it('should not print a secret back when it is invalid', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password s3cret' })).toThrow(
      /DATABASE_URL must be a URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password s3cret' })).not.toThrow(/s3cret/);
  });

  it('should ask for the cluster address when ENGINE=camunda', () => {
    expect(() => loadConfig({ ENGINE: 'camunda' })).toThrow(/ZEEBE_GRPC_ADDRESS/);
    expect(loadConfig({ ENGINE: 'camunda', ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500' }).ENGINE).toBe(
      'camunda',
    );
  });

  it('should trust no proxy by default and accept true or a list of addresses when TRUST_PROXY is set', () => {
    // given / when
    const byDefault = loadConfig({}).TRUST_PROXY;
    const all = loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY;
    const listed = loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY;
    // then
    expect(byDefault).toBe(false);
    expect(all).toBe(true);
    expect(listed).toEqual(['10.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('should name TRUST_PROXY when it holds something other than a boolean or addresses', () => {
    // given
    const env = { TRUST_PROXY: '10.0.0.1,proxy.example/33' };
    // when / then
    expect(() => loadConfig(env)).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('should document every variable in the README configuration table', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(readme).toContain(`\`${name}\``);
  });
});
