/** One task: claim / unclaim / assign, the dossier, and the step's form with decision and reason. */
import {
  Anchor,
  Button,
  Container,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasAnyRole, OFFICER_ROLES, useMe } from '../../../api/auth';
import { useDossier } from '../../../api/dossiers';
import { useTask, useTaskCommand } from '../../../api/tasks';
import type { TaskDetail } from '../../../api/types';
import { DeadlineBadge } from '../../../components/DeadlineBadge';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RequireRole } from '../../../components/RequireRole';
import { DossierView } from '../dossier/DossierView';
import { CompleteStep } from './CompleteStep';

/** Task page for officers. */
export default function TaskPage() {
  return (
    <RequireRole roles={OFFICER_ROLES}>
      <Task />
    </RequireRole>
  );
}

function Task() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const { data: task, error, isPending } = useTask(key);
  const dossier = useDossier(task?.dossier?.code, !!task?.dossier);
  return (
    <Container size="xl" py="xl">
      <Stack>
        <Anchor component={Link} to="/can-bo">
          ← {t('officer.inbox')}
        </Anchor>
        <ErrorAlert error={error} />
        {isPending && <Skeleton height={200} />}
        {task && (
          <>
            <Group justify="space-between" wrap="wrap">
              <Title order={2}>{task.name}</Title>
              <DeadlineBadge lateness={task.lateness} remaining={task.remainingWorkingMinutes} />
            </Group>
            <Claim task={task} />
            <CompleteStep task={task} />
          </>
        )}
        <ErrorAlert error={dossier.error} />
        {dossier.data && <DossierView dossier={dossier.data} />}
      </Stack>
    </Container>
  );
}

function Claim({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const claim = useTaskCommand<Record<string, never>>(task.key, 'claim');
  const unclaim = useTaskCommand<Record<string, never>>(task.key, 'unclaim');
  const assign = useTaskCommand<{ assignee: string }>(task.key, 'assign');
  const [assignee, setAssignee] = useState('');
  const mine = task.assignee === me?.username;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Text>
          {t('officer.assignee')}: <b>{task.assignee ?? t('officer.unassigned')}</b>
        </Text>
        <Group wrap="wrap" align="flex-end">
          {!mine && (
            <Button onClick={() => claim.mutate({})} loading={claim.isPending}>
              {t('officer.claim')}
            </Button>
          )}
          {mine && (
            <Button variant="default" onClick={() => unclaim.mutate({})} loading={unclaim.isPending}>
              {t('officer.unclaim')}
            </Button>
          )}
          {hasAnyRole(me, ['section-head', 'agency-head']) && (
            <>
              <TextInput
                label={t('officer.assignTo')}
                value={assignee}
                onChange={(e) => setAssignee(e.currentTarget.value)}
              />
              <Button
                variant="light"
                disabled={!assignee.trim()}
                onClick={() => assign.mutate({ assignee: assignee.trim() })}
              >
                {t('officer.assign')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ErrorAlert error={claim.error ?? unclaim.error ?? assign.error} />
    </Paper>
  );
}
