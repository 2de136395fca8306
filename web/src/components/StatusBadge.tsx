/** The national dossier status (1-10) as a coloured badge with its Vietnamese label. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<number, string> = {
  1: 'blue',
  2: 'cyan',
  3: 'red',
  4: 'indigo',
  5: 'orange',
  6: 'yellow',
  7: 'gray',
  8: 'gray',
  9: 'teal',
  10: 'green',
};

/** Badge for a status code; the label comes from i18n (the API's label is the Vietnamese fallback). */
export function StatusBadge({ status, label }: { status: number | null; label?: string }) {
  const { t } = useTranslation();
  const text = status
    ? t(`dossierStatus.${status}`, { defaultValue: label ?? String(status) })
    : (label ?? t('dossierStatus.starting'));
  const color = status ? (COLORS[status] ?? 'gray') : 'gray';
  return (
    <Badge color={color} variant="dot" size="lg">
      {text}
    </Badge>
  );
}
