import { buildTestApp, type TestApp } from '../../../../tests/support/app';
import { seedDemoData } from '../../seed/index';
import { insertGeneratedCatalogue } from '../../seed/generate-catalogue';
import { normalizeForSearch } from './normalize';
import path from 'node:path';

interface Hit {
  id: string;
  name: string;
  agency: { code: string };
  field: string;
  serviceLevel: number;
}

describe('catalogue search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ suffix: 'catalogue' });
    await seedDemoData(t.app.orm.em.fork(), {
      processesRoot: path.resolve(__dirname, '../../../../processes'),
    });
    await insertGeneratedCatalogue(t.app.orm.em.fork(), 1441);
  });
  afterAll(async () => t.close());

  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/procedures?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json() as {
      items: Hit[];
      total: number;
      facets: {
        agencies: { value: string; count: number }[];
        fields: { value: string }[];
        levels: { value: string; count: number }[];
      };
    };
  };

  it('should strip diacritics and đ when normalizing', () => {
    expect(normalizeForSearch('Đăng ký  HỘ kinh doanh!')).toBe('dang ky ho kinh doanh');
  });

  it('should rank "Đăng ký thành lập hộ kinh doanh" first when the query has no diacritics', async () => {
    // when
    const result = await search('q=dang%20ky%20thanh%20lap%20ho%20kinh%20doanh');
    // then
    expect(result.items[0]?.name).toBe('Đăng ký thành lập hộ kinh doanh');
  });

  it('should find the same first hit when the query has diacritics and capitals', async () => {
    // when
    const plain = await search('q=dang%20ky%20ho%20kinh%20doanh');
    const accented = await search(`q=${encodeURIComponent('ĐĂNG KÝ hộ kinh doanh')}`);
    // then
    expect(plain.total).toBeGreaterThan(1);
    expect(plain.items[0]?.name).toMatch(/hộ kinh doanh/);
    expect(accented.items[0]?.id).toBe(plain.items[0]?.id);
  });

  it('should find a procedure by its national code when the query is a code', async () => {
    // when
    const result = await search('q=1.009664');
    // then
    expect(result.items[0]?.name).toContain('Giấy chứng nhận đăng ký đầu tư');
  });

  it('should match while typing when the last word is incomplete', async () => {
    // when
    const result = await search('q=giay%20phep%20hoat%20dong%20i');
    // then
    expect(result.items.some((h) => h.name === 'Cấp giấy phép hoạt động in')).toBe(true);
  });

  it('should apply agency, field and level filters together when they are given', async () => {
    // given
    const all = await search('pageSize=1');
    const agency = all.facets.agencies[0]?.value ?? '';
    // when
    const byAgency = await search(`agency=${agency}&level=2&pageSize=100`);
    // then
    expect(byAgency.total).toBeGreaterThan(0);
    expect(byAgency.items.every((h) => h.agency.code === agency && h.serviceLevel === 2)).toBe(true);
    const byField = await search(`field=${encodeURIComponent('Hộ tịch')}&pageSize=100`);
    expect(byField.items.every((h) => h.field === 'Hộ tịch')).toBe(true);
  });

  it('should count facets over the whole catalogue when no filter is set', async () => {
    // when
    const result = await search('pageSize=5');
    // then
    expect(result.total).toBe(1441 + 10);
    expect(result.items).toHaveLength(5);
    expect(result.facets.levels.reduce((n, l) => n + l.count, 0)).toBe(result.total);
  });

  it('should accept an agency slug and page through results when asked', async () => {
    // when
    const page1 = await search('agency=stttt&pageSize=2&page=1');
    const page2 = await search('agency=stttt&pageSize=2&page=2');
    // then
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
  });

  it('should show the detail and download a form when the procedure has one', async () => {
    // given
    const hit = (await search('q=dang%20ky%20thanh%20lap%20ho%20kinh%20doanh')).items[0];
    // when
    const detail = await t.app.inject({ method: 'GET', url: `/api/procedures/${hit?.id}` });
    const missing = await t.app.inject({ method: 'GET', url: `/api/procedures/${hit?.id}/forms/none` });
    // then
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      name: 'Đăng ký thành lập hộ kinh doanh',
      variants: [{ bpmnProcessId: 'motcua-business-household-registration' }],
    });
    expect(missing.statusCode).toBe(404);
    const form = (detail.json().forms as { id: string }[])[0];
    if (form) {
      const download = await t.app.inject({
        method: 'GET',
        url: `/api/procedures/${hit?.id}/forms/${form.id}`,
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain('attachment');
    }
  });
});
