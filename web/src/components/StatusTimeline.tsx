/** The status history of a dossier as a vertical timeline, newest last, in the reader's language. */
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../api/types';
import { formatDateTime } from './format';

/** Timeline of status changes; notes (reasons, guidance) are shown under each step. */
export function StatusTimeline({ history }: { history: HistoryItem[] }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return <Text c="gray.7">{t('tracking.noHistory')}</Text>;
  return (
    <Timeline active={history.length - 1} bulletSize={18} lineWidth={2} aria-label={t('tracking.timeline')}>
      {history.map((h, i) => (
        <Timeline.Item key={`${h.at}-${i}`} title={t(`dossierStatus.${h.status}`, { defaultValue: h.label })}>
          <Text size="sm" c="gray.7">
            {formatDateTime(h.at, i18n.language)}
            {h.actor ? ` · ${h.actor}` : ''}
          </Text>
          {h.note && <Text size="sm">{h.note}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
