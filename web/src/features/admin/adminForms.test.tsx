import '../../test-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Account, Agency } from '../../api/types';
import { renderWithProviders } from '../../test-utils';
import { AccountForm } from './AccountForm';
import { AgencyForm } from './AgencyForm';

const agencies: Agency[] = [
  {
    id: 'a1',
    code: '000.00.04.H58',
    slug: 'sct',
    name: 'Sở Công Thương',
    tier: 'province',
    parentCode: null,
    validFrom: '2020-01-01',
    validTo: null,
  },
  {
    id: 'a2',
    code: '000.00.00.H58',
    slug: 'ubnd',
    name: 'Ủy ban nhân dân tỉnh',
    tier: 'province',
    parentCode: null,
    validFrom: '2020-01-01',
    validTo: null,
  },
];

const account: Account = {
  id: '6f1c2a7e-0000-4000-8000-000000000001',
  username: 'cv.sct',
  fullName: 'Nguyễn Văn A',
  email: 'a@example.vn',
  phone: null,
  citizenId: null,
  roles: ['manager'],
  memberships: [{ agencyCode: '000.00.04.H58', role: 'specialist' }],
  disabled: false,
  lockedUntil: null,
  failedAttempts: 0,
  lastLoginAt: null,
};

/** Mocks fetch at the boundary with one answer, and returns the mock to inspect the request. */
function answer(status: number, body: unknown) {
  const mock = jest.fn(async () => ({
    ok: status >= 200 && status < 300,
    status,
    text: async () => JSON.stringify(body),
  }));
  global.fetch = mock as unknown as typeof fetch;
  return mock;
}

function request(mock: jest.Mock, index = 0) {
  const [url, init] = mock.mock.calls[index] as [string, RequestInit];
  return {
    url,
    method: init.method,
    body: init.body ? JSON.parse(init.body as string) : undefined,
    headers: new Headers(init.headers),
  };
}

const type = (label: RegExp | string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  document.cookie = 'csrf=test-token';
});

describe('AccountForm', () => {
  it('should post the new account with roles and memberships when the form is filled and submitted', async () => {
    // given
    const fetchMock = answer(201, { ...account, id: 'new' });
    const onDone = jest.fn();
    renderWithProviders(<AccountForm agencies={agencies} onDone={onDone} />);
    // when
    type(/Tên đăng nhập/, 'motcua.sct');
    type(/Họ và tên/, 'Trần Thị Bình');
    type(/Thư điện tử/, 'binh@tiengiang.gov.vn');
    type(/Số điện thoại/, '0273 3871 234');
    type(/Số căn cước/, '082199000123');
    type(/Mật khẩu ban đầu/, 'MotCua2026');
    fireEvent.click(screen.getByLabelText('Quản lý, theo dõi'));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm vai trò tại cơ quan' }));
    fireEvent.change(screen.getByLabelText('Cơ quan (dòng 1)'), { target: { value: '000.00.04.H58' } });
    fireEvent.change(screen.getByLabelText('Vai trò (dòng 1)'), { target: { value: 'one-stop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mới' }));
    // then
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = request(fetchMock);
    expect(sent.url).toBe('/api/admin/users');
    expect(sent.method).toBe('POST');
    expect(sent.headers.get('x-csrf-token')).toBe('test-token');
    expect(sent.body).toEqual({
      username: 'motcua.sct',
      fullName: 'Trần Thị Bình',
      password: 'MotCua2026',
      email: 'binh@tiengiang.gov.vn',
      phone: '0273 3871 234',
      citizenId: '082199000123',
      roles: ['manager'],
      memberships: [{ agencyCode: '000.00.04.H58', role: 'one-stop' }],
    });
  });

  it('should show the API message_vi on the password field when the password is too weak', async () => {
    // given
    answer(400, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The password must have at least 8 characters.',
      message_vi: 'Mật khẩu phải ít nhất 8 ký tự.',
      code: 'WEAK_PASSWORD',
    });
    const onDone = jest.fn();
    renderWithProviders(<AccountForm agencies={agencies} onDone={onDone} />);
    // when
    type(/Tên đăng nhập/, 'motcua.sct');
    type(/Họ và tên/, 'Trần Thị Bình');
    type(/Mật khẩu ban đầu/, 'abc1');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mới' }));
    // then
    expect(await screen.findByText('Mật khẩu phải ít nhất 8 ký tự.')).toBeTruthy();
    const password = screen.getByLabelText(/Mật khẩu ban đầu/);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    const described = (password.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Mật khẩu phải ít nhất 8 ký tự.');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('should not call the API and should show field errors when required fields are missing or malformed', () => {
    // given
    const fetchMock = answer(201, {});
    renderWithProviders(<AccountForm agencies={agencies} onDone={jest.fn()} />);
    // when
    type(/Tên đăng nhập/, 'a b');
    type(/Số căn cước/, '123');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mới' }));
    // then
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText(/^Tên đăng nhập gồm 3–64 ký tự/)).toBeTruthy();
    expect(screen.getByText('Số căn cước gồm đúng 12 chữ số.')).toBeTruthy();
    expect(screen.getAllByText('Vui lòng nhập thông tin này.')).toHaveLength(2);
  });

  it('should patch only the changed roles and memberships when an account is edited', async () => {
    // given
    const fetchMock = answer(200, account);
    const onDone = jest.fn();
    renderWithProviders(<AccountForm account={account} agencies={agencies} onDone={onDone} />);
    // when
    fireEvent.click(screen.getByLabelText('Quản lý, theo dõi'));
    fireEvent.click(screen.getByLabelText('Quản trị hệ thống'));
    fireEvent.change(screen.getByLabelText('Vai trò (dòng 1)'), { target: { value: 'section-head' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    // then
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = request(fetchMock);
    expect(sent.url).toBe(`/api/admin/users/${account.id}`);
    expect(sent.method).toBe('PATCH');
    expect(sent.body).toEqual({
      roles: ['admin'],
      memberships: [{ agencyCode: '000.00.04.H58', role: 'section-head' }],
    });
  });

  it('should show the API message_vi in an alert when disabling the own account is refused', async () => {
    // given
    const fetchMock = answer(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'You cannot disable your own account.',
      message_vi: 'Không thể tự vô hiệu hóa tài khoản của chính mình.',
    });
    renderWithProviders(<AccountForm account={account} agencies={agencies} onDone={jest.fn()} />);
    // when
    fireEvent.click(screen.getByRole('button', { name: 'Vô hiệu hóa tài khoản' }));
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Không thể tự vô hiệu hóa tài khoản của chính mình.');
    expect(request(fetchMock).method).toBe('DELETE');
  });
});

describe('AgencyForm', () => {
  it('should post the new agency with its parent and period when the form is filled and submitted', async () => {
    // given
    const fetchMock = answer(201, { ...agencies[0], id: 'new' });
    const onDone = jest.fn();
    renderWithProviders(<AgencyForm agencies={agencies} onDone={onDone} />);
    // when
    type(/Mã định danh điện tử/, '000.20.30.h58');
    type(/Mã cơ quan/, 'tckh-tanphuoc');
    type(/Tên cơ quan/, 'Phòng Tài chính – Kế hoạch huyện Tân Phước');
    fireEvent.change(screen.getByLabelText(/^Cấp/), { target: { value: 'district' } });
    fireEvent.change(screen.getByLabelText('Cơ quan cấp trên'), { target: { value: '000.00.00.H58' } });
    type(/Hiệu lực từ/, '2026-01-01');
    type(/Hiệu lực đến/, '2026-07-01');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mới' }));
    // then
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const sent = request(fetchMock);
    expect(sent.url).toBe('/api/admin/agencies');
    expect(sent.method).toBe('POST');
    expect(sent.body).toEqual({
      code: '000.20.30.H58',
      slug: 'tckh-tanphuoc',
      name: 'Phòng Tài chính – Kế hoạch huyện Tân Phước',
      tier: 'district',
      parentCode: '000.00.00.H58',
      validFrom: '2026-01-01',
      validTo: '2026-07-01',
    });
  });

  it('should show the API message_vi on the start date when the period clashes with another one', async () => {
    // given
    const fetchMock = answer(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Agency 000.00.04.H58 already starts on 2020-01-01.',
      message_vi: 'Mã định danh 000.00.04.H58 đã có hiệu lực từ 2020-01-01.',
    });
    renderWithProviders(<AgencyForm agency={agencies[0]} agencies={agencies} onDone={jest.fn()} />);
    // when
    type(/Tên cơ quan/, 'Sở Công Thương tỉnh Đồng Tháp');
    type(/Hiệu lực đến/, '2025-07-01');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    // then
    expect(await screen.findByText('Mã định danh 000.00.04.H58 đã có hiệu lực từ 2020-01-01.')).toBeTruthy();
    const sent = request(fetchMock);
    expect(sent.url).toBe('/api/admin/agencies/a1');
    expect(sent.method).toBe('PATCH');
    expect(sent.body).toEqual({ name: 'Sở Công Thương tỉnh Đồng Tháp', validTo: '2025-07-01' });
    expect((screen.getByLabelText(/Mã định danh điện tử/) as HTMLInputElement).disabled).toBe(true);
  });
});
