// The scenario workers cover the whole job type vocabulary (processes/README.md §3) and every type the models use.
import fs from 'node:fs';
import path from 'node:path';
import { jobHandlers, statusCode } from './handlers';
import { processResources, PROCESSES_DIR } from './environment';
import { durationMs } from './scenario';

function vocabulary(): string[] {
  const readme = fs.readFileSync(path.join(PROCESSES_DIR, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 3.'), readme.indexOf('## 4.'));
  return Array.from(section.matchAll(/^\|\s*`([a-z0-9.<>-]+)`/gm), (m) => m[1]!).filter(
    (t) => !t.startsWith('dossier.status.'),
  );
}

function modelJobTypes(): string[] {
  const xml = processResources()
    .filter((r) => r.name.endsWith('.bpmn'))
    .map((r) => String(r.content))
    .join('\n');
  return Array.from(
    xml.matchAll(/<zeebe:(?:taskDefinition|executionListener)[^>]*type="([^"]+)"/g),
    (m) => m[1]!,
  );
}

describe('scenario job handlers', () => {
  it('should have a handler for every job type when the README vocabulary is read', () => {
    // given
    const documented = vocabulary();
    // when
    const missing = documented.filter((t) => !(t in jobHandlers));
    // then
    expect(documented.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
    expect(Object.keys(jobHandlers).filter((t) => !documented.includes(t))).toEqual([]);
  });

  it('should handle every job type used by a model when all models are scanned', () => {
    // given / when
    const unhandled = modelJobTypes().filter((t) => statusCode(t) === undefined && !(t in jobHandlers));
    // then
    expect(unhandled).toEqual([]);
  });

  it('should parse day and time durations when the clock is moved by an ISO duration', () => {
    expect(durationMs('P9D')).toBe(9 * 86_400_000);
    expect(durationMs('PT1H30M')).toBe(5_400_000);
    expect(() => durationMs('P1M')).toThrow('unsupported duration');
  });
});
