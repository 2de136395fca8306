import '../test-polyfills';
import { screen } from '@testing-library/react';
import { ApiError } from '../api/client';
import { renderWithProviders } from '../test-utils';
import { DeadlineBadge } from './DeadlineBadge';
import { ErrorAlert } from './ErrorAlert';
import { StatusBadge } from './StatusBadge';
import { StatusTimeline } from './StatusTimeline';

describe('shared components', () => {
  it('should show the API message_vi when an API error is given', () => {
    // given
    const error = new ApiError(404, {
      title: 'Not Found',
      status: 404,
      detail: 'No dossier',
      message_vi: 'Không tìm thấy hồ sơ.',
    });
    // when
    renderWithProviders(<ErrorAlert error={error} />);
    // then
    expect(screen.getByRole('alert').textContent).toContain('Không tìm thấy hồ sơ.');
  });

  it('should label deadline states in Vietnamese when a task is late, due soon or on time', () => {
    // given / when
    renderWithProviders(
      <>
        <DeadlineBadge lateness="overdue" remaining={-90} />
        <DeadlineBadge lateness="near-due" remaining={30} />
        <DeadlineBadge lateness="not-due" remaining={600} />
      </>,
    );
    // then
    expect(screen.getByText(/Quá hạn · 1 giờ 30 phút/)).toBeTruthy();
    expect(screen.getByText(/Sắp đến hạn · 30 phút/)).toBeTruthy();
    expect(screen.getByText(/Trong hạn · 10 giờ 0 phút/)).toBeTruthy();
  });

  it('should show the national status label and the timeline when a dossier was returned', () => {
    // given
    const history = [
      {
        status: 1,
        label: 'Mới đăng ký',
        fromStatus: null,
        elementId: null,
        actor: null,
        at: '2026-03-02T02:00:00Z',
        dueAt: null,
        note: null,
      },
      {
        status: 10,
        label: 'Đã trả kết quả',
        fromStatus: 9,
        elementId: null,
        actor: null,
        at: '2026-03-03T02:00:00Z',
        dueAt: null,
        note: 'Nhận trực tiếp',
      },
    ];
    // when
    renderWithProviders(
      <>
        <StatusBadge status={10} />
        <StatusTimeline history={history} />
      </>,
    );
    // then
    expect(screen.getAllByText('Đã trả kết quả')).toHaveLength(2);
    expect(screen.getByText('Mới đăng ký')).toBeTruthy();
    expect(screen.getByText('Nhận trực tiếp')).toBeTruthy();
  });
});
