/**
 * DVCQG sync status (đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia): what is pending, which dossiers fail with their
 * last error and next attempt, and, on the record adapter, the payloads that would have been sent (expandable JSON).
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Container,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDvcqgSync, type DvcqgSyncStatus } from '../../api/admin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { RequireRole } from '../../components/RequireRole';
import { AdminNav } from './AdminNav';

/** The page, for administrators and managers. */
export default function DvcqgSyncPage() {
  return (
    <RequireRole roles={['admin', 'manager']}>
      <Container size="xl" py="xl">
        <AdminNav />
        <DvcqgSync />
      </Container>
    </RequireRole>
  );
}

const LIMITS = ['20', '50', '100', '200'];

/** The status with its filters. */
export function DvcqgSync() {
  const { t } = useTranslation();
  const [dossier, setDossier] = useState('');
  const [limit, setLimit] = useState('20');
  const [code] = useDebouncedValue(dossier.trim(), 300);
  const { data, error, isFetching, refetch } = useDvcqgSync(Number(limit), code);
  return (
    <Stack>
      <Title order={2}>{t('dvcqg.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('dvcqg.filterDossier')}
          value={dossier}
          onChange={(e) => setDossier(e.currentTarget.value)}
          miw={280}
        />
        <NativeSelect
          label={t('dvcqg.limit')}
          value={limit}
          onChange={(e) => setLimit(e.currentTarget.value)}
          data={LIMITS}
        />
        <Button variant="light" onClick={() => void refetch()} loading={isFetching}>
          {t('dvcqg.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {data && <Status data={data} />}
    </Stack>
  );
}

function Summary({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dark.6">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function Status({ data }: { data: DvcqgSyncStatus }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);
  return (
    <Stack>
      {data.adapter === 'record' ? (
        <Alert color="yellow" title={t('dvcqg.recordTitle')}>
          {t('dvcqg.recordText')}
        </Alert>
      ) : (
        <Alert color="blue" title={t('dvcqg.httpTitle')}>
          {t('dvcqg.httpText', { target: data.target ?? '—' })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Summary
          label={t('dvcqg.pendingEntries')}
          value={String(data.pendingEntries)}
          testId="dvcqg-pending-entries"
        />
        <Summary
          label={t('dvcqg.pendingDossiers')}
          value={String(data.pendingDossiers)}
          testId="dvcqg-pending-dossiers"
        />
        <Summary
          label={t('dvcqg.oldestPending')}
          value={data.oldestPendingAt ? when(data.oldestPendingAt) : t('dvcqg.none')}
        />
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dvcqg-failing">
        <Title order={3} size="h4" mb="sm" id="dvcqg-failing">
          {t('dvcqg.failing')}
        </Title>
        {data.failing.length === 0 ? (
          <Text>{t('dvcqg.noFailing')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receipt.code')}</Table.Th>
                  <Table.Th>{t('dvcqg.attempts')}</Table.Th>
                  <Table.Th>{t('dvcqg.lastError')}</Table.Th>
                  <Table.Th>{t('dvcqg.lastAttempt')}</Table.Th>
                  <Table.Th>{t('dvcqg.nextAttempt')}</Table.Th>
                  <Table.Th>{t('dvcqg.pendingOfDossier')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.failing.map((f) => (
                  <Table.Tr key={f.dossierCode}>
                    <Table.Td>
                      <Anchor component={Link} to={`/can-bo/ho-so/${encodeURIComponent(f.dossierCode)}`}>
                        {f.dossierCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color="red" variant="light">
                        {f.attempts}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-word' }}>
                        {f.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{when(f.lastAttemptAt)}</Table.Td>
                    <Table.Td>{when(f.nextAttemptAt)}</Table.Td>
                    <Table.Td>{f.pendingEntries}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {data.adapter === 'record' && <Recorded data={data} />}
    </Stack>
  );
}

function Recorded({ data }: { data: DvcqgSyncStatus }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dvcqg-recorded">
      <Title order={3} size="h4" mb="sm" id="dvcqg-recorded">
        {t('dvcqg.recorded')}
      </Title>
      {data.recorded.length === 0 ? (
        <Text>{t('dvcqg.noRecorded')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dvcqg.recordedAt')}</Table.Th>
                <Table.Th>{t('receipt.code')}</Table.Th>
                <Table.Th>{t('dvcqg.entries')}</Table.Th>
                <Table.Th>{t('dvcqg.payload')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.recorded.map((r) => {
                const expanded = open.has(r.id);
                return (
                  <Fragment key={r.id}>
                    <Table.Tr>
                      <Table.Td>{formatDateTime(r.recordedAt, i18n.language)}</Table.Td>
                      <Table.Td>{r.dossierCode}</Table.Td>
                      <Table.Td>{r.historyIds.length}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => toggle(r.id)}
                          aria-expanded={expanded}
                          aria-controls={`payload-${r.id}`}
                        >
                          {expanded ? t('dvcqg.hidePayload') : t('dvcqg.showPayload')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td colSpan={4} id={`payload-${r.id}`}>
                          <Code
                            block
                            data-testid={`payload-${r.id}`}
                            style={{ maxHeight: 400, overflow: 'auto' }}
                          >
                            {JSON.stringify(r.payload, null, 2)}
                          </Code>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
