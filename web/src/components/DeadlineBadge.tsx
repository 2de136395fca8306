/** Deadline state of a task: on time, due soon or late, with the remaining working time. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lateness } from '../api/types';

const COLORS: Record<Lateness, string> = { 'not-due': 'green', 'near-due': 'orange', overdue: 'red' };

/** Hours and minutes of working time, e.g. "3 giờ 20 phút". */
function formatMinutes(minutes: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  return h > 0 ? t('deadline.hoursMinutes', { h, m: m % 60 }) : t('deadline.minutes', { m });
}

/** Badge; nothing when the task has no deadline. */
export function DeadlineBadge({
  lateness,
  remaining,
}: {
  lateness: Lateness | null;
  remaining: number | null;
}) {
  const { t } = useTranslation();
  if (!lateness) return null;
  const time = remaining === null ? '' : ` · ${formatMinutes(remaining, t)}`;
  return (
    <Badge color={COLORS[lateness]} variant="filled" autoContrast data-lateness={lateness}>
      {t(`deadline.${lateness}`)}
      {time}
    </Badge>
  );
}
