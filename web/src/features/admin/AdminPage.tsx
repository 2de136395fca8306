/** Administrators: accounts (roles, memberships, lock, disable), agencies, and the holiday calendar. */
import { Badge, Button, Container, Group, Modal, Stack, Table, Tabs, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useAgencies, useUpdateAccount } from '../../api/admin';
import type { Account, Agency } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { RequireRole } from '../../components/RequireRole';
import { AccountForm } from './AccountForm';
import { AdminNav } from './AdminNav';
import { AgencyForm } from './AgencyForm';
import { HolidaysPanel } from './HolidayEditor';

/** Admin page with tabs. */
export default function AdminPage() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={['admin']}>
      <Container size="xl" py="xl">
        <AdminNav />
        <Title order={2} mb="md">
          {t('admin.title')}
        </Title>
        <Tabs defaultValue="users">
          <Tabs.List>
            <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>
            <Tabs.Tab value="agencies">{t('admin.agencies')}</Tabs.Tab>
            <Tabs.Tab value="holidays">{t('admin.holidays')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="users" pt="md">
            <Users />
          </Tabs.Panel>
          <Tabs.Panel value="agencies" pt="md">
            <Agencies />
          </Tabs.Panel>
          <Tabs.Panel value="holidays" pt="md">
            <HolidaysPanel />
          </Tabs.Panel>
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
  const agencies = useAgencies();
  // undefined: no form; null: a new account; an account: editing it.
  const [editing, setEditing] = useState<Account | null | undefined>(undefined);
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <TextInput
          label={t('admin.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={360}
        />
        <Button onClick={() => setEditing(null)}>{t('admin.form.newAccount')}</Button>
      </Group>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={
          editing ? t('admin.form.editAccount', { username: editing.username }) : t('admin.form.newAccount')
        }
        size="xl"
      >
        {editing !== undefined && (
          <AccountForm
            key={editing?.id ?? 'new'}
            account={editing ?? undefined}
            agencies={agencies.data ?? []}
            onDone={() => setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </Modal>
      <ErrorAlert error={error ?? update.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auth.username')}</Table.Th>
              <Table.Th>{t('admin.fullName')}</Table.Th>
              <Table.Th>{t('admin.roles')}</Table.Th>
              <Table.Th>{t('admin.state')}</Table.Th>
              <Table.Th>{t('admin.form.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>{a.fullName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.roles.map((r) => (
                      <Badge key={r} variant="light" c="dark.7">
                        {t(`roles.${r}`, { defaultValue: r })}
                      </Badge>
                    ))}
                    {a.memberships.map((m) => (
                      <Badge key={m.agencyCode + m.role} variant="outline" c="dark.7">
                        {t(`roles.${m.role}`, { defaultValue: m.role })} · {m.agencyCode}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {a.disabled ? t('admin.disabled') : a.lockedUntil ? t('admin.locked') : t('admin.active')}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setEditing(a)}
                      aria-label={t('admin.form.editAccount', { username: a.username })}
                    >
                      {t('admin.form.edit')}
                    </Button>
                    {a.lockedUntil && (
                      <Button
                        size="compact-xs"
                        onClick={() => update.mutate({ id: a.id, body: { unlock: true } })}
                      >
                        {t('admin.unlock')}
                      </Button>
                    )}
                  </Group>
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
  const [editing, setEditing] = useState<Agency | null | undefined>(undefined);
  return (
    <Stack>
      <Group justify="flex-end">
        <Button onClick={() => setEditing(null)}>{t('admin.form.newAgency')}</Button>
      </Group>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('admin.form.editAgency', { code: editing.code }) : t('admin.form.newAgency')}
        size="xl"
      >
        {editing !== undefined && (
          <AgencyForm
            key={editing?.id ?? 'new'}
            agency={editing ?? undefined}
            agencies={data ?? []}
            onDone={() => setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        )}
      </Modal>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.code')}</Table.Th>
              <Table.Th>{t('admin.name')}</Table.Th>
              <Table.Th>{t('admin.tier')}</Table.Th>
              <Table.Th>{t('admin.validFrom')}</Table.Th>
              <Table.Th>{t('admin.form.validToShort')}</Table.Th>
              <Table.Th>{t('admin.form.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.code}</Table.Td>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.tier ? t(`admin.tiers.${a.tier}`, { defaultValue: a.tier }) : ''}</Table.Td>
                <Table.Td>{formatDate(a.validFrom, i18n.language)}</Table.Td>
                <Table.Td>{a.validTo ? formatDate(a.validTo, i18n.language) : ''}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setEditing(a)}
                    aria-label={t('admin.form.editAgency', { code: a.code })}
                  >
                    {t('admin.form.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
