/** The officers' task inbox: counters, filters, deadline badges; a row opens the task. */
import {
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OFFICER_ROLES, useMe } from '../../../api/auth';
import { useTaskCount, useTasks, type TaskFilters } from '../../../api/tasks';
import { DeadlineBadge } from '../../../components/DeadlineBadge';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RequireRole } from '../../../components/RequireRole';
import { StatusBadge } from '../../../components/StatusBadge';
import { RegisterPanel } from '../register/RegisterPanel';

type View = 'group' | 'mine' | 'dueSoon' | 'overdue';

const FILTERS: Record<View, TaskFilters> = {
  group: { scope: 'group' },
  mine: { scope: 'mine' },
  dueSoon: { scope: 'group', dueSoon: true },
  overdue: { scope: 'group', overdue: true },
};

/** Inbox page for every officer role. */
export default function InboxPage() {
  return (
    <RequireRole roles={OFFICER_ROLES}>
      <Inbox />
    </RequireRole>
  );
}

function Count({ view }: { view: View }) {
  const { data } = useTaskCount(FILTERS[view]);
  return (
    <Badge size="sm" variant="white" color="dark" ml={6}>
      {data ?? '…'}
    </Badge>
  );
}

function Inbox() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('group');
  const [code, setCode] = useState('');
  const { data, error, isPending } = useTasks({ ...FILTERS[view], code: code.trim() || undefined });
  const { data: me } = useMe();
  const agencies = useMemo(() => [...new Set((me?.memberships ?? []).map((m) => m.agencyCode))], [me]);
  const oneStop = me?.roles.includes('one-stop') ?? false;
  return (
    <Container size="xl" py="xl">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2}>{t('officer.inbox')}</Title>
          {oneStop && (
            <Button component={Link} to="/can-bo/tiep-nhan">
              {t('paper.title')}
            </Button>
          )}
        </Group>
        <Group wrap="wrap" align="flex-end">
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as View)}
            aria-label={t('officer.filter')}
            data={(Object.keys(FILTERS) as View[]).map((v) => ({
              value: v,
              label: (
                <span>
                  {t(`officer.views.${v}`)}
                  <Count view={v} />
                </span>
              ),
            }))}
          />
          <TextInput
            label={t('officer.searchCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
        </Group>
        <ErrorAlert error={error} />
        {isPending && <Skeleton height={200} />}
        {data?.items.length === 0 && <Text>{t('officer.empty')}</Text>}
        {data && data.items.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receipt.code')}</Table.Th>
                  <Table.Th>{t('officer.step')}</Table.Th>
                  <Table.Th>{t('officer.applicant')}</Table.Th>
                  <Table.Th>{t('receipt.status')}</Table.Th>
                  <Table.Th>{t('officer.deadline')}</Table.Th>
                  <Table.Th>{t('officer.assignee')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((task) => (
                  <Table.Tr key={task.key} data-testid={`task-${task.elementId}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/can-bo/viec/${task.key}`}>
                        {task.dossier?.code ?? task.key}
                      </Anchor>
                      <Text size="xs" c="dark.5">
                        {task.dossier?.procedureName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{task.name}</Table.Td>
                    <Table.Td>{task.dossier?.applicantName ?? '—'}</Table.Td>
                    <Table.Td>
                      {task.dossier && (
                        <StatusBadge status={task.dossier.status} label={task.dossier.statusLabel} />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <DeadlineBadge lateness={task.lateness} remaining={task.remainingWorkingMinutes} />
                    </Table.Td>
                    <Table.Td>{task.assignee ?? t('officer.unassigned')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {agencies.length > 0 && <RegisterPanel agencies={agencies} />}
      </Stack>
    </Container>
  );
}
