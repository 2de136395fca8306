/** Analysts' start page: deployed process models (latest version each) and the form editor. */
import { Anchor, Button, Container, Group, Skeleton, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProcessDefinitions } from '../../../api/analyst';
import type { ProcessDefinition } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { RequireRole } from '../../../components/RequireRole';

/** Page for analysts (and admins). */
export default function ModelsPage() {
  return (
    <RequireRole roles={['analyst', 'admin']}>
      <Models />
    </RequireRole>
  );
}

/** Latest version per process id, sorted by id. */
export function latestVersions(defs: ProcessDefinition[]): ProcessDefinition[] {
  const latest = new Map<string, ProcessDefinition>();
  for (const d of defs) {
    const seen = latest.get(d.bpmnProcessId);
    if (!seen || d.version > seen.version) latest.set(d.bpmnProcessId, d);
  }
  return [...latest.values()].sort((a, b) => a.bpmnProcessId.localeCompare(b.bpmnProcessId));
}

function Models() {
  const { t, i18n } = useTranslation();
  const { data, error, isPending } = useProcessDefinitions();
  return (
    <Container size="xl" py="xl">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('analyst.models')}</Title>
          <Button component={Link} to="/phan-tich/bieu-mau" variant="light">
            {t('analyst.formEditor')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {isPending && <Skeleton height={200} />}
        {data && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analyst.processId')}</Table.Th>
                  <Table.Th>{t('analyst.version')}</Table.Th>
                  <Table.Th>{t('analyst.resource')}</Table.Th>
                  <Table.Th>{t('analyst.deployedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {latestVersions(data).map((d) => (
                  <Table.Tr key={d.bpmnProcessId}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/phan-tich/mo-hinh/${encodeURIComponent(d.bpmnProcessId)}`}
                      >
                        {d.bpmnProcessId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.version}</Table.Td>
                    <Table.Td>{d.resourceName}</Table.Td>
                    <Table.Td>{formatDateTime(new Date(d.createdAt).toISOString(), i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Container>
  );
}
