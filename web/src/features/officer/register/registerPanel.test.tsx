import '../../../test-polyfills';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../test-utils';
import { currentMonth, RegisterPanel } from './RegisterPanel';

function answer(routes: (url: string) => { status: number; body: unknown }) {
  const mock = jest.fn(async (url: string) => {
    const { status, body } = routes(url);
    return {
      ok: status < 300,
      status,
      text: async () => JSON.stringify(body),
      blob: async () => new Blob(['%PDF-1.4'], { type: 'application/pdf' }),
    };
  });
  global.fetch = mock as unknown as typeof fetch;
  return mock;
}

const AGENCIES = [{ code: '000.00.04.H58', name: 'Sở Kế hoạch và Đầu tư' }];

describe('RegisterPanel (Mẫu 06)', () => {
  beforeEach(() => {
    URL.createObjectURL = jest.fn(() => 'blob:register');
    URL.revokeObjectURL = jest.fn();
  });

  it('should default to the current month in Vietnam', () => {
    expect(currentMonth(new Date('2026-02-28T18:00:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(currentMonth(new Date('2026-02-10T03:00:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it("should ask for the officer's agency and period, and download the PDF", async () => {
    // given
    const fetchMock = answer((url) =>
      url.startsWith('/api/agencies?') || url === '/api/agencies'
        ? { status: 200, body: AGENCIES }
        : { status: 200, body: {} },
    );
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithProviders(<RegisterPanel agencies={['000.00.04.H58']} />);
    await screen.findByText('Sở Kế hoạch và Đầu tư');
    // when
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-03-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tải sổ theo dõi (PDF)' }));
    // then
    await waitFor(() => expect(click).toHaveBeenCalled());
    const urls = fetchMock.mock.calls.map((c) => c[0]);
    expect(urls).toContain('/api/agencies/000.00.04.H58/register.pdf?from=2026-03-01&to=2026-03-15');
    click.mockRestore();
  });

  it("should show the API's Vietnamese message when the period is refused", async () => {
    // given
    answer((url) =>
      url.includes('register.pdf')
        ? {
            status: 400,
            body: {
              title: 'Bad Request',
              status: 400,
              detail: '`from` must not be after `to`.',
              message_vi: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
              code: 'BAD_PERIOD',
            },
          }
        : { status: 200, body: AGENCIES },
    );
    renderWithProviders(<RegisterPanel agencies={['000.00.04.H58']} />);
    // when
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2026-03-20' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tải sổ theo dõi (PDF)' }));
    // then
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  });
});
