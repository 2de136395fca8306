import { around, processXml, serviceTask } from './bpmn-xml.fixture.js';
import { parseBpmn } from './parse.js';

const validXml = processXml(around('work', serviceTask('work')));

describe('parseBpmn: hostile and oversized input', () => {
  it('should reject the resource when it declares a DOCTYPE', async () => {
    // given
    const xml = validXml.replace('<bpmn:definitions', '<!DOCTYPE definitions>\n<bpmn:definitions');

    // when
    const result = await parseBpmn(xml, { resourceName: 'ho-tich.bpmn' });

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems).toEqual([
      {
        message:
          "Resource 'ho-tich.bpmn' must not contain a DOCTYPE declaration (not allowed for security reasons)",
      },
    ]);
  });

  it('should reject the resource when an external entity tries to read a file (XXE)', async () => {
    // given
    const xml = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
${validXml.replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('id="work"', 'id="work" name="&xxe;"')}`;

    // when
    const result = await parseBpmn(xml);

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'The resource must not contain a DOCTYPE declaration (not allowed for security reasons)',
      'The resource must not declare XML entities (<!ENTITY>, not allowed for security reasons)',
    ]);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('should reject the resource when it tries an entity expansion bomb', async () => {
    // given
    const entities = [
      '<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
    ];
    const xml = `<!DOCTYPE lolz [${entities.join('')}]>${validXml.replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('id="work"', 'id="work" name="&lol9;"')}`;

    // when
    const result = await parseBpmn(xml);

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems.map((problem) => problem.message)).toContain(
      'The resource must not declare XML entities (<!ENTITY>, not allowed for security reasons)',
    );
  });

  it('should reject an entity declaration when it comes without a DOCTYPE keyword in capitals', async () => {
    // given
    const xml = validXml.replace('<bpmn:definitions', '<!doctype x [<!entity a "b">]><bpmn:definitions');

    // when
    const result = await parseBpmn(xml);

    // then
    expect(result.problems).toHaveLength(2);
  });

  it('should reject the resource when it is larger than the configured limit', async () => {
    // given
    const maxBytes = 1000;

    // when
    const result = await parseBpmn(validXml + ' '.repeat(maxBytes), { maxBytes, resourceName: 'big.bpmn' });

    // then
    expect(result.processes).toEqual([]);
    expect(result.problems).toEqual([
      {
        message: `Resource 'big.bpmn' is too large: ${Buffer.byteLength(validXml) + maxBytes} bytes, the limit is 1000 bytes`,
      },
    ]);
  });

  it('should count bytes, not characters, when the resource contains Vietnamese text', async () => {
    // given
    const xml = processXml(
      around(
        'work',
        serviceTask('work').replace('id="work"', `id="work" name="${'Thẩm định hồ sơ '.repeat(20)}"`),
      ),
    );
    const characters = xml.length;

    // when
    const result = await parseBpmn(xml, { maxBytes: characters });

    // then
    expect(Buffer.byteLength(xml)).toBeGreaterThan(characters);
    expect(result.problems[0]?.message).toMatch(/^The resource is too large/);
  });

  it('should reject the resource when it exceeds the default limit of 4 MiB', async () => {
    // given
    const xml = validXml.replace(
      '</bpmn:definitions>',
      `<!--${'x'.repeat(4 * 1024 * 1024)}--></bpmn:definitions>`,
    );

    // when
    const result = await parseBpmn(xml);

    // then
    expect(result.problems).toEqual([{ message: expect.stringMatching(/the limit is 4194304 bytes$/) }]);
  });

  it('should parse the resource when it is within the limit and has no DTD', async () => {
    // given
    const maxBytes = Buffer.byteLength(validXml);

    // when
    const result = await parseBpmn(validXml, { maxBytes });

    // then
    expect(result.problems).toEqual([]);
    expect(result.processes).toHaveLength(1);
  });
});
