import '../../test-polyfills';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../test-utils';
import { DvcqgSync } from './DvcqgSyncPage';

const STATUS = {
  adapter: 'record',
  target: null,
  pendingEntries: 7,
  pendingDossiers: 3,
  oldestPendingAt: '2026-03-02T02:00:00.000Z',
  failing: [
    {
      dossierCode: '000.00.04.H58-260302-0001',
      attempts: 4,
      lastError: 'HTTP 503 từ Cổng DVCQG',
      lastAttemptAt: '2026-03-02T03:00:00.000Z',
      nextAttemptAt: '2026-03-02T03:16:00.000Z',
      pendingEntries: 2,
    },
  ],
  recorded: [
    {
      id: '11',
      dossierCode: '000.00.04.H58-260302-0002',
      recordedAt: '2026-03-02T04:00:00.000Z',
      historyIds: ['1', '2'],
      payload: { dossier: { code: '000.00.04.H58-260302-0002', applicant: { idNumber: '082******001' } } },
    },
  ],
};

describe('DVCQG sync status', () => {
  it('should show the pending counts, the failing dossier with its error, and expand a recorded payload as JSON', async () => {
    // given
    const fetchMock = jest.fn(async () => ({
      ok: true,
      status: 200,
      text: async () => JSON.stringify(STATUS),
    }));
    global.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<DvcqgSync />);
    // then
    expect((await screen.findByTestId('dvcqg-pending-entries')).textContent).toBe('7');
    expect(screen.getByTestId('dvcqg-pending-dossiers').textContent).toBe('3');
    expect(screen.getByText('HTTP 503 từ Cổng DVCQG')).toBeTruthy();
    expect(screen.getByRole('link', { name: '000.00.04.H58-260302-0001' })).toBeTruthy();
    expect(screen.getByText('Chế độ ghi nhận')).toBeTruthy();
    expect(screen.queryByTestId('payload-11')).toBeNull();
    // when
    fireEvent.click(screen.getByRole('button', { name: 'Xem dữ liệu JSON' }));
    // then
    expect(screen.getByTestId('payload-11').textContent).toContain('"idNumber": "082******001"');
    expect(screen.getByRole('button', { name: 'Ẩn dữ liệu' }).getAttribute('aria-expanded')).toBe('true');
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/admin/dvcqg-sync?limit=20');
  });
});
