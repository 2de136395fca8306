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
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password s3cret' })).toThrow(/DATABASE_URL must be a URL/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url with password s3cret' })).not.toThrow(/s3cret/);
  });

  it('should ask for the cluster address when ENGINE=camunda', () => {
    expect(() => loadConfig({ ENGINE: 'camunda' })).toThrow(/ZEEBE_GRPC_ADDRESS/);
    expect(loadConfig({ ENGINE: 'camunda', ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500' }).ENGINE).toBe('camunda');
  });

  it('should document every variable in the README configuration table', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    for (const name of Object.keys(CONFIG_VARIABLES)) expect(readme).toContain(`\`${name}\``);
  });
});
