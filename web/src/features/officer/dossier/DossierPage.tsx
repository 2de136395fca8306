/** An officer opens a dossier by code; the API answers 404 to officers of other agencies, shown as such. */
import { Button, Container, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasAnyRole, useMe } from '../../../api/auth';
import { useDossier, useDossierAction } from '../../../api/dossiers';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RequireRole } from '../../../components/RequireRole';
import { DossierView } from './DossierView';

/** Dossier page for officers, managers and admins. */
export default function DossierPage() {
  return (
    <RequireRole roles={['one-stop', 'specialist', 'section-head', 'agency-head', 'manager', 'admin']}>
      <Dossier />
    </RequireRole>
  );
}

function Dossier() {
  const { code = '' } = useParams();
  const { data, error, isPending } = useDossier(code);
  return (
    <Container size="xl" py="xl">
      <Stack>
        <ErrorAlert error={error} />
        {isPending && <Skeleton height={300} />}
        {data?.status === 6 && <Payment code={code} />}
        {data && <DossierView dossier={data} />}
      </Stack>
    </Container>
  );
}

/** One-stop officers record the fee payment (status 6) with the receipt or payment reference. */
function Payment({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [reference, setReference] = useState('');
  const action = useDossierAction<{ reference: string }>(code, 'payments');
  if (!hasAnyRole(me, ['one-stop'])) return null;
  return (
    <Paper withBorder p="md" radius="md" bg="yellow.0">
      <Title order={3} size="h4">
        {t('officer.paymentTitle')}
      </Title>
      <Group align="flex-end" mt="sm" wrap="wrap">
        <TextInput
          label={t('officer.paymentReference')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <Button
          disabled={reference.trim().length < 3}
          loading={action.isPending}
          onClick={() => action.mutate({ reference: reference.trim() })}
        >
          {t('officer.paymentRecord')}
        </Button>
      </Group>
      <ErrorAlert error={action.error} />
      {action.isSuccess && (
        <Text c="green.8" role="status">
          {action.data.message_vi}
        </Text>
      )}
    </Paper>
  );
}
