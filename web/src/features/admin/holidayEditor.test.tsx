import '../../test-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../test-utils';
import { HolidayEditor } from './HolidayEditor';

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

const initial = [
  { date: '2027-01-01', name: 'Tết Dương lịch' },
  { date: '2027-04-30', name: 'Ngày Chiến thắng' },
];

beforeEach(() => {
  document.cookie = 'csrf=test-token';
});

describe('HolidayEditor', () => {
  it("should put the year's whole list with the CSRF header when a row is added, one removed and the list saved", async () => {
    // given
    const stored = [
      { date: '2027-01-01', name: 'Tết Dương lịch' },
      { date: '2027-06-09', name: 'Nghỉ theo thông báo' },
    ];
    const fetchMock = answer(200, stored);
    renderWithProviders(<HolidayEditor year={2027} initial={initial} />);
    // when
    fireEvent.click(screen.getByRole('button', { name: 'Xóa ngày nghỉ dòng 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Thêm ngày nghỉ' }));
    type(/Ngày nghỉ \(dòng 2\)/, '2027-06-09');
    type(/Tên ngày nghỉ \(dòng 2\)/, '  Nghỉ theo thông báo ');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch nghỉ năm 2027' }));
    // then
    expect(await screen.findByText('Đã lưu lịch nghỉ năm 2027.')).toBeTruthy();
    const sent = request(fetchMock);
    expect(sent.url).toBe('/api/calendar/holidays/2027');
    expect(sent.method).toBe('PUT');
    expect(sent.headers.get('x-csrf-token')).toBe('test-token');
    expect(sent.body).toEqual(stored);
    expect((screen.getByLabelText(/Tên ngày nghỉ \(dòng 2\)/) as HTMLInputElement).value).toBe(
      'Nghỉ theo thông báo',
    );
  });

  it('should show the API message_vi in an alert when the list is refused', async () => {
    // given
    answer(400, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'A date appears twice.',
      message_vi: 'Danh sách có ngày nghỉ bị trùng.',
      code: 'HOLIDAY_DUPLICATE',
    });
    renderWithProviders(<HolidayEditor year={2027} initial={initial} />);
    // when
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch nghỉ năm 2027' }));
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Danh sách có ngày nghỉ bị trùng.');
    expect(screen.queryByText('Đã lưu lịch nghỉ năm 2027.')).toBeNull();
  });

  it('should not call the API and should mark the rows when a date is of another year or repeated', () => {
    // given
    const fetchMock = answer(200, []);
    renderWithProviders(<HolidayEditor year={2027} initial={initial} />);
    // when
    type(/Ngày nghỉ \(dòng 2\)/, '2027-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm ngày nghỉ' }));
    type(/Ngày nghỉ \(dòng 3\)/, '2028-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu lịch nghỉ năm 2027' }));
    // then
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText('Ngày này đã có ở dòng khác.')).toBeTruthy();
    expect(screen.getByText('Ngày phải thuộc năm 2027.')).toBeTruthy();
    expect(screen.getByText('Vui lòng nhập thông tin này.')).toBeTruthy();
    expect(screen.getByLabelText(/Tên ngày nghỉ \(dòng 3\)/).getAttribute('aria-invalid')).toBe('true');
  });
});
