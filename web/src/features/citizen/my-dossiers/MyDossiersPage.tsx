/** "Hồ sơ của tôi": the signed-in applicant's dossiers, newest first, filterable by status. */
import { Anchor, Container, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyDossiers } from '../../../api/dossiers';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate } from '../../../components/format';
import { RequireRole } from '../../../components/RequireRole';
import { StatusBadge } from '../../../components/StatusBadge';

/** Page for citizens and businesses. */
export default function MyDossiersPage() {
  return (
    <RequireRole roles={['citizen', 'business']}>
      <MyDossiers />
    </RequireRole>
  );
}

function MyDossiers() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const { data, error, isPending } = useMyDossiers(status ? Number(status) : undefined);
  const statuses = Array.from({ length: 10 }, (_, i) => ({
    value: String(i + 1),
    label: t(`dossierStatus.${i + 1}`),
  }));
  return (
    <Container size="lg" py="xl">
      <Stack>
        <Title order={2}>{t('my.title')}</Title>
        <Select
          label={t('my.status')}
          placeholder={t('catalogue.all')}
          data={statuses}
          value={status}
          onChange={setStatus}
          clearable
          maw={360}
        />
        <ErrorAlert error={error} />
        {isPending && <Skeleton height={200} />}
        {data?.items.length === 0 && <Text>{t('my.empty')}</Text>}
        {data && data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receipt.code')}</Table.Th>
                  <Table.Th>{t('receipt.procedure')}</Table.Th>
                  <Table.Th>{t('receipt.submittedAt')}</Table.Th>
                  <Table.Th>{t('tracking.appointment')}</Table.Th>
                  <Table.Th>{t('receipt.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
                  <Table.Tr key={d.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/tra-cuu?code=${encodeURIComponent(d.code)}`}>
                        {d.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.procedureName}</Table.Td>
                    <Table.Td>{formatDate(d.submittedAt, i18n.language)}</Table.Td>
                    <Table.Td>{formatDate(d.appointmentAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={d.status} label={d.statusLabel} />
                    </Table.Td>
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
