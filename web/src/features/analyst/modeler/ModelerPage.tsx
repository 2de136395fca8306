/** The BPMN editor of one process: canvas, Camunda 8 properties panel, live lint findings, deploy, versions. */
import {
  Alert,
  Anchor,
  Button,
  Container,
  Grid,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { deploy, fetchProcessXml, useProcessDefinitions, type DeploymentAnswer } from '../../../api/analyst';
import { ApiError } from '../../../api/client';
import type { Finding } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { RequireRole } from '../../../components/RequireRole';
import { latestVersions } from '../models/ModelsPage';
import { Findings } from './Findings';
import type { ModelerHandle } from './modeler';

/** Modeler page for analysts. */
export default function ModelerPage() {
  return (
    <RequireRole roles={['analyst', 'admin']}>
      <Editor />
    </RequireRole>
  );
}

function Editor() {
  const { t, i18n } = useTranslation();
  const { bpmnProcessId = '' } = useParams();
  const defs = useProcessDefinitions(bpmnProcessId);
  const latest = defs.data ? latestVersions(defs.data)[0] : undefined;
  const xml = useQuery({
    queryKey: ['xml', latest?.processDefinitionKey],
    queryFn: () => fetchProcessXml(latest?.processDefinitionKey ?? ''),
    enabled: !!latest,
    staleTime: Infinity,
  });
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const handle = useRef<ModelerHandle | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [ready, setReady] = useState(false);
  const [deploying, setDeploying] = useState(false);
  const [deployError, setDeployError] = useState<unknown>(null);
  const [deployed, setDeployed] = useState<DeploymentAnswer | null>(null);

  useEffect(() => {
    if (!xml.data || !canvas.current || !panel.current) return;
    let cancelled = false;
    let created: ModelerHandle | null = null;
    void import('./modeler').then(async ({ createModeler }) => {
      if (cancelled || !canvas.current || !panel.current) return;
      created = await createModeler(canvas.current, panel.current, xml.data, setFindings);
      if (cancelled) created.destroy();
      else {
        handle.current = created;
        setReady(true);
      }
    });
    return () => {
      cancelled = true;
      created?.destroy();
      handle.current = null;
    };
  }, [xml.data]);

  const onDeploy = async () => {
    if (!handle.current) return;
    setDeploying(true);
    setDeployError(null);
    setDeployed(null);
    try {
      const answer = await deploy([
        { name: latest?.resourceName ?? `${bpmnProcessId}.bpmn`, content: await handle.current.saveXml() },
      ]);
      setDeployed(answer);
      void defs.refetch();
    } catch (e) {
      setDeployError(e);
      const serverFindings =
        e instanceof ApiError ? (e.problem.findings as Finding[] | undefined) : undefined;
      if (serverFindings) {
        setFindings(serverFindings);
        handle.current.showFindings(serverFindings);
      }
    } finally {
      setDeploying(false);
    }
  };

  const errors = findings.filter((f) => f.category === 'error').length;
  return (
    <Container size="xl" py="md" fluid>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Anchor component={Link} to="/phan-tich" size="sm">
              ← {t('analyst.models')}
            </Anchor>
            <Title order={2} size="h3">
              {bpmnProcessId}
            </Title>
          </Stack>
          <Button onClick={() => void onDeploy()} loading={deploying} disabled={!ready}>
            {t('analyst.deploy')}
          </Button>
        </Group>
        <ErrorAlert error={xml.error ?? defs.error} />
        <ErrorAlert error={deployError} title={t('analyst.deployFailed')} />
        {deployed && (
          <Alert color="green" role="status" data-testid="deploy-success">
            {t('analyst.deployed', {
              versions: deployed.processes.map((p) => `${p.bpmnProcessId} v${p.version}`).join(', '),
            })}
          </Alert>
        )}
        <Grid>
          <Grid.Col span={{ base: 12, lg: 9 }}>
            <div
              ref={canvas}
              data-testid="modeler-canvas"
              data-ready={ready}
              style={{
                height: '65vh',
                border: '1px solid var(--mantine-color-gray-4)',
                borderRadius: 8,
                background: '#fff',
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <div
              ref={panel}
              aria-label={t('analyst.properties')}
              style={{
                height: '65vh',
                overflow: 'auto',
                border: '1px solid var(--mantine-color-gray-4)',
                borderRadius: 8,
              }}
            />
          </Grid.Col>
        </Grid>
        <Text size="sm" data-testid="lint-summary">
          {t('analyst.lintSummary', { errors, total: findings.length })}
        </Text>
        <Findings findings={findings} onSelect={(id) => handle.current?.select(id)} />
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="xs">
            {t('analyst.versions')}
          </Title>
          <Table data-testid="versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analyst.version')}</Table.Th>
                <Table.Th>{t('analyst.resource')}</Table.Th>
                <Table.Th>{t('analyst.deployedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...(defs.data ?? [])]
                .sort((a, b) => b.version - a.version)
                .map((d) => (
                  <Table.Tr key={d.processDefinitionKey}>
                    <Table.Td>v{d.version}</Table.Td>
                    <Table.Td>{d.resourceName}</Table.Td>
                    <Table.Td>{formatDateTime(new Date(d.createdAt).toISOString(), i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    </Container>
  );
}
