/** What tracking shows: status, appointment, current step, timeline, diagram, and the applicant's actions. */
import { Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrackingAnswer } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { StatusBadge } from '../../../components/StatusBadge';
import { StatusTimeline } from '../../../components/StatusTimeline';
import { OwnerActions } from './OwnerActions';
import { TrackingDiagram } from './TrackingDiagram';

interface Props {
  answer: TrackingAnswer;
  secret: string;
  isApplicant: boolean;
}

/** The tracked dossier. */
export function TrackingResult({ answer: a, secret, isApplicant }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg" data-testid="tracking-result">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" wrap="wrap" mb="sm">
          <Title order={3} size="h4">
            {a.procedureName}
          </Title>
          <StatusBadge status={a.status} label={a.statusLabel} />
        </Group>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{t('receipt.code')}</Table.Th>
              <Table.Td>{a.code}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('receipt.status')}</Table.Th>
              <Table.Td data-testid="tracking-status">
                {t(`dossierStatus.${a.status ?? 0}`, { defaultValue: a.statusLabel })}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('receipt.submittedAt')}</Table.Th>
              <Table.Td>{formatDateTime(a.submittedAt, i18n.language)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('tracking.appointment')}</Table.Th>
              <Table.Td>
                {a.appointmentAt
                  ? formatDateTime(a.appointmentAt, i18n.language)
                  : t('receipt.appointmentLater')}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h4" mb="sm">
              {t('tracking.timeline')}
            </Title>
            <StatusTimeline history={a.history} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h4" mb="sm">
              {t('diagram.title')}
            </Title>
            {secret ? (
              <TrackingDiagram code={a.code} secret={secret} current={a.currentStep} />
            ) : (
              <Text size="sm">{t('diagram.needSecret')}</Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      {isApplicant && <OwnerActions code={a.code} status={a.status} />}
    </Stack>
  );
}
