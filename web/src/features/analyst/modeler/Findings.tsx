/** The list of lint / deploy findings under the canvas; a click selects the element on the diagram. */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../api/types';

/** Findings, errors first. */
export function Findings({
  findings,
  onSelect,
}: {
  findings: Finding[];
  onSelect: (elementId: string) => void;
}) {
  const { t } = useTranslation();
  if (findings.length === 0) return null;
  const sorted = [...findings].sort(
    (a, b) => (a.category === 'error' ? 0 : 1) - (b.category === 'error' ? 0 : 1),
  );
  return (
    <Paper withBorder p="sm" radius="md" aria-label={t('analyst.findings')} data-testid="findings">
      <Stack gap={4}>
        {sorted.map((f, i) => (
          <Group
            key={`${f.elementId}-${f.rule}-${i}`}
            gap="xs"
            wrap="nowrap"
            data-element-id={f.elementId ?? ''}
          >
            <Badge
              color={f.category === 'error' ? 'red' : 'yellow'}
              variant="light"
              c={f.category === 'error' ? 'red.9' : 'dark.7'}
            >
              {t(`analyst.category.${f.category}`, { defaultValue: f.category })}
            </Badge>
            {f.elementId ? (
              <Button variant="subtle" size="compact-sm" onClick={() => onSelect(f.elementId ?? '')}>
                {f.elementId}
              </Button>
            ) : null}
            <Text size="sm">{f.message}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
