/** A small indicator of the system's health (GET /api/health), shown in the footer of every page. */
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/health';

type State = 'checking' | 'ok' | 'degraded' | 'unreachable';

const COLORS: Record<State, string> = {
  checking: 'var(--mantine-color-gray-5)',
  ok: 'var(--mantine-color-green-7)',
  degraded: 'var(--mantine-color-orange-7)',
  unreachable: 'var(--mantine-color-red-7)',
};

/** Coloured dot and a sentence; details in the native title tooltip (no popover library on the first page). */
export function SystemStatus() {
  const { t } = useTranslation();
  const { data, isPending, isError } = useHealth();
  const state: State = isPending
    ? 'checking'
    : isError
      ? 'unreachable'
      : data.status === 'ok'
        ? 'ok'
        : 'degraded';
  const details = data ? `${data.database.detail} · ${data.engine.detail}` : undefined;
  return (
    <Group
      gap={6}
      role="status"
      aria-live="polite"
      title={details}
      data-testid="system-status"
      data-state={state}
      wrap="nowrap"
    >
      <span
        aria-hidden
        style={{
          width: 10,
          height: 10,
          borderRadius: '50%',
          background: COLORS[state],
          display: 'inline-block',
        }}
      />
      <Text size="sm">
        <VisuallyHidden>{t('status.label')}: </VisuallyHidden>
        {t(`status.${state}`)}
      </Text>
    </Group>
  );
}
