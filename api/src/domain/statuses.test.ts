import {
  DOSSIER_STATUSES,
  StatusTransitionError,
  allowedTransitions,
  assertTransition,
  canTransition,
  isDossierStatusCode,
  statusLabel,
  toDvcqgStatus,
  type DossierStatusCode,
} from './statuses.js';

const codes = DOSSIER_STATUSES.map((s) => s.code);

describe('dossier statuses (§2.5)', () => {
  it('should list the codes 1 to 10 in order when read', () => {
    // given / when / then
    expect(codes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('should give the national Vietnamese label when asked for a code', () => {
    // given / when / then
    expect(statusLabel(5)).toBe('Yêu cầu bổ sung giấy tờ');
    expect(statusLabel(10, 'en')).toBe('Result returned');
  });

  it('should allow no move when the status is terminal', () => {
    // given / when / then
    for (const s of DOSSIER_STATUSES.filter((x) => x.terminal))
      expect(allowedTransitions(s.code)).toEqual([]);
  });

  it('should reach the result returned from the newly registered status when following allowed moves', () => {
    // given
    const path: DossierStatusCode[] = [1, 2, 4, 5, 4, 6, 9, 10];
    // when / then
    for (let i = 1; i < path.length; i++)
      expect(canTransition(path[i - 1] as DossierStatusCode, path[i] as DossierStatusCode)).toBe(true);
  });

  it('should throw a Vietnamese error when a returned dossier is moved back to processing', () => {
    // given / when / then
    expect(() => assertTransition(10, 4)).toThrow(StatusTransitionError);
    expect(() => assertTransition(10, 4)).toThrow(
      'Không thể chuyển hồ sơ từ trạng thái "Đã trả kết quả" sang "Đang xử lý"',
    );
  });

  it('should only target known statuses and never itself when any transition is listed', () => {
    // given / when / then
    for (const from of codes) {
      for (const to of allowedTransitions(from)) {
        expect(isDossierStatusCode(to)).toBe(true);
        expect(to).not.toBe(from);
      }
    }
  });

  it('should send 5, 6 and 8 as 9 when syncing to DVCQG', () => {
    // given / when / then
    expect(codes.map(toDvcqgStatus)).toEqual([1, 2, 3, 4, 9, 9, 7, 9, 9, 10]);
  });
});
