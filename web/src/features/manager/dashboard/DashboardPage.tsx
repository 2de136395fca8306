/** Managers: per-agency counts (received, in progress, on time, late) as a chart, and engine incidents. */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Alert, Button, Container, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgencyStats, useIncidents, useRetryIncident } from '../../../api/admin';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RequireRole } from '../../../components/RequireRole';
import { RegisterPanel } from '../../officer/register/RegisterPanel';

/** Dashboard page for managers and admins. */
export default function DashboardPage() {
  return (
    <RequireRole roles={['manager', 'admin']}>
      <Container size="xl" py="xl">
        <Stack>
          <Stats />
          <RegisterPanel />
          <Incidents />
        </Stack>
      </Container>
    </RequireRole>
  );
}

function Stats() {
  const { t } = useTranslation();
  const { data, isError } = useAgencyStats();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('manager.stats')}
      </Title>
      {isError && <Alert color="gray">{t('manager.statsUnavailable')}</Alert>}
      {data && (
        <BarChart
          h={320}
          data={data.map((d) => ({ ...d, agency: d.agencyName }))}
          dataKey="agency"
          withLegend
          series={[
            { name: 'received', label: t('manager.received'), color: 'blue.6' },
            { name: 'inProgress', label: t('manager.inProgress'), color: 'indigo.4' },
            { name: 'onTime', label: t('manager.onTime'), color: 'green.7' },
            { name: 'late', label: t('manager.late'), color: 'red.7' },
          ]}
        />
      )}
    </Paper>
  );
}

function Incidents() {
  const { t, i18n } = useTranslation();
  const { data, error } = useIncidents();
  const retry = useRetryIncident();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="sm">
        {t('manager.incidents')}
      </Title>
      <ErrorAlert error={error ?? retry.error} />
      {retry.isSuccess && (
        <Text c="green.8" role="status">
          {retry.data.message_vi}
        </Text>
      )}
      {data?.items.length === 0 && <Text>{t('manager.noIncidents')}</Text>}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('receipt.code')}</Table.Th>
                <Table.Th>{t('manager.element')}</Table.Th>
                <Table.Th>{t('manager.message')}</Table.Th>
                <Table.Th>{t('manager.since')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((i) => (
                <Table.Tr key={i.incidentKey}>
                  <Table.Td>
                    {i.dossierCode ? <Link to={`/can-bo/ho-so/${i.dossierCode}`}>{i.dossierCode}</Link> : '—'}
                  </Table.Td>
                  <Table.Td>
                    {i.bpmnProcessId} / {i.elementId}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {i.errorType}: {i.errorMessage}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {new Date(i.creationTime).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      loading={retry.isPending && retry.variables === i.incidentKey}
                      onClick={() => retry.mutate(i.incidentKey)}
                    >
                      {t('manager.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
