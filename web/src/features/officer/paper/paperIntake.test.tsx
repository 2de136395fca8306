import '../../../test-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test-utils';
import { applicantErrors, EMPTY_APPLICANT, prefillForm, toPaperApplicant } from './applicant';
import PaperIntakePage from './PaperIntakePage';

/** Answers fetch by path, like the API would. */
function api(routes: Record<string, unknown>) {
  const mock = jest.fn(async (url: string) => {
    const path = url.replace(/\?.*$/, '');
    const body = routes[path];
    const ok = body !== undefined;
    return {
      ok,
      status: ok ? 200 : 404,
      text: async () => JSON.stringify(body ?? { title: 'Not Found', status: 404 }),
    };
  });
  global.fetch = mock as unknown as typeof fetch;
  return mock;
}

const ME = {
  id: 'a1',
  username: 'motcua.skhdt',
  fullName: 'Cán bộ Một Cửa',
  email: null,
  phone: null,
  citizenId: null,
  roles: ['one-stop'],
  memberships: [{ agencyCode: '000.00.04.H58', role: 'one-stop' }],
  groups: ['000.00.04.H58:one-stop'],
};

beforeEach(() => {
  document.cookie = 'csrf=test-token';
});

describe('paper intake: the applicant at the desk', () => {
  it('should name every invalid identity field with a Vietnamese message and ask for the procedure when "Tiếp tục" is pressed', async () => {
    // given
    api({
      '/api/me': ME,
      '/api/agencies': [{ code: '000.00.04.H58', name: 'Sở Kế hoạch và Đầu tư' }],
      '/api/procedures': { items: [], total: 0, page: 1, pageSize: 10 },
    });
    renderWithProviders(<PaperIntakePage />);
    await screen.findByText('Sở Kế hoạch và Đầu tư');
    // when
    fireEvent.change(screen.getByLabelText(/Số điện thoại/), { target: { value: '12345' } });
    fireEvent.change(screen.getByLabelText(/Thư điện tử/), { target: { value: 'khong-phai-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    // then
    expect(await screen.findByText('Vui lòng chọn thủ tục hành chính.')).toBeTruthy();
    expect(screen.getAllByText('Vui lòng nhập thông tin này.')).toHaveLength(3);
    expect(
      screen.getByText('Số điện thoại không hợp lệ: bắt đầu bằng 0 hoặc +84, ví dụ 0912345678.'),
    ).toBeTruthy();
    expect(screen.getByText('Địa chỉ thư điện tử không hợp lệ.')).toBeTruthy();
  });

  it('should accept the API rules and build the applicant body without an empty e-mail', () => {
    // given
    const typed = {
      ...EMPTY_APPLICANT,
      name: ' Lê Thị Giấy ',
      idNumber: '082201000777',
      phone: '0987 654 321',
      address: '5 Ấp Bắc, Mỹ Tho',
    };
    // when
    const errors = applicantErrors(typed);
    // then
    expect(errors).toEqual({});
    expect(toPaperApplicant(typed)).toEqual({
      type: 'citizen',
      name: 'Lê Thị Giấy',
      idNumber: '082201000777',
      phone: '0987654321',
      address: '5 Ấp Bắc, Mỹ Tho',
    });
    expect(applicantErrors({ ...typed, idNumber: '08220100077' })).toEqual({
      idNumber: 'paper.errors.citizenId',
    });
    expect(applicantErrors({ ...typed, type: 'business', idNumber: '0312345678' })).toEqual({});
  });

  it('should pre-fill only the applicant fields the form has and leaves typed values alone', () => {
    // given
    const schema = {
      components: [
        { type: 'textfield', key: 'applicantName' },
        { type: 'textfield', key: 'applicantPhone' },
        { type: 'textfield', key: 'projectName' },
      ],
    };
    const typed = {
      ...EMPTY_APPLICANT,
      name: 'Lê Thị Giấy',
      idNumber: '082201000777',
      phone: '0987654321',
      address: '5 Ấp Bắc',
    };
    // when
    const data = prefillForm(schema, { applicantPhone: '0900000000' }, typed);
    // then
    expect(data).toEqual({ applicantName: 'Lê Thị Giấy', applicantPhone: '0900000000' });
  });
});
