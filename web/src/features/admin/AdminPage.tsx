/** Administrators: accounts (roles, memberships, lock, disable), agencies, and the holiday calendar. */
import { Alert, Badge, Button, Container, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useAgencies, useHolidays, useUpdateAccount } from '../../api/admin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { RequireRole } from '../../components/RequireRole';

/** Admin page with tabs. */
export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={['admin']}>
      <Container size="xl" py="xl">
        <Title order={2} mb="md">{t('admin.title')}</Title>
        <Tabs defaultValue="users">
          <Tabs.List>
            <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>
            <Tabs.Tab value="agencies">{t('admin.agencies')}</Tabs.Tab>
            <Tabs.Tab value="holidays">{t('admin.holidays')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="users" pt="md"><Users /></Tabs.Panel>
          <Tabs.Panel value="agencies" pt="md"><Agencies /></Tabs.Panel>
          <Tabs.Panel value="holidays" pt="md"><Holidays /></Tabs.Panel>
        </Tabs>
      </Container>
    </RequireRole>
  );
}

function Users() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, error } = useAccounts(q);
  const update = useUpdateAccount();
  return (
    <Stack>
      <TextInput label={t('admin.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} maw={360} />
      <ErrorAlert error={error ?? update.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.username')}</Table.Th>
              <Table.Th>{t('admin.fullName')}</Table.Th>
              <Table.Th>{t('admin.roles')}</Table.Th>
              <Table.Th>{t('admin.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>{a.fullName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.roles.map((r) => <Badge key={r} variant="light" c="dark.7">{t(`roles.${r}`, { defaultValue: r })}</Badge>)}
                    {a.memberships.map((m) => <Badge key={m.agencyCode + m.role} variant="outline" c="dark.7">{t(`roles.${m.role}`, { defaultValue: m.role })} · {m.agencyCode}</Badge>)}
                  </Group>
                </Table.Td>
                <Table.Td>{a.disabled ? t('admin.disabled') : a.lockedUntil ? t('admin.locked') : t('admin.active')}</Table.Td>
                <Table.Td>
                  {a.lockedUntil && <Button size="compact-xs" onClick={() => update.mutate({ id: a.id, body: { unlock: true } })}>{t('admin.unlock')}</Button>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Agencies() {
  const { t, i18n } = useTranslation();
  const { data, error } = useAgencies();
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('admin.code')}</Table.Th><Table.Th>{t('admin.name')}</Table.Th><Table.Th>{t('admin.tier')}</Table.Th><Table.Th>{t('admin.validFrom')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.map((a) => (
              <Table.Tr key={a.id}><Table.Td>{a.code}</Table.Td><Table.Td>{a.name}</Table.Td><Table.Td>{a.tier}</Table.Td><Table.Td>{formatDate(a.validFrom, i18n.language)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Holidays() {
  const { t, i18n } = useTranslation();
  const year = new Date().getFullYear();
  const { data, isError } = useHolidays(year);
  if (isError) return <Alert color="gray">{t('admin.holidaysUnavailable')}</Alert>;
  return (
    <Paper withBorder p="md">
      {data?.map((h) => <Text key={h.date}>{formatDate(h.date, i18n.language)} · {h.name}</Text>)}
    </Paper>
  );
}
