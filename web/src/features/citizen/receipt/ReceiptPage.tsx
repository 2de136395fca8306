/** After submitting: the dossier code, the tracking secret (shown once), and the printable slip (Mẫu 01). */
import { Alert, Anchor, Button, Container, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useDossier } from '../../../api/dossiers';
import { formatDateTime } from '../../../components/format';
import { ReceiptSlipButton } from '../../../components/ReceiptSlipButton';
import { StatusBadge } from '../../../components/StatusBadge';

/** Receipt page; the secret comes from the submission (navigation state) and is not stored anywhere. */
export default function ReceiptPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const state = (useLocation().state ?? {}) as { secret?: string };
  const { data: d } = useDossier(code);
  return (
    <Container size="md" py="xl">
      <Paper withBorder p="lg" radius="md">
        <Stack>
          <Alert color="green" title={t('receipt.success')} role="status">
            {t('receipt.successText')}
          </Alert>
          <Title order={2}>{t('receipt.title')}</Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w="40%">{t('receipt.code')}</Table.Th>
                <Table.Td>
                  <Text fw={700} size="lg" data-testid="dossier-code">
                    {code}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {state.secret && (
                <Table.Tr>
                  <Table.Th>{t('receipt.secret')}</Table.Th>
                  <Table.Td>
                    <Text fw={700} size="lg" ff="monospace" data-testid="tracking-secret">
                      {state.secret}
                    </Text>
                    <Text size="sm" c="dark.5">
                      {t('receipt.secretHint')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {d && (
                <>
                  <Table.Tr>
                    <Table.Th>{t('receipt.procedure')}</Table.Th>
                    <Table.Td>{d.procedureName}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('receipt.submittedAt')}</Table.Th>
                    <Table.Td>{formatDateTime(d.submittedAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('receipt.status')}</Table.Th>
                    <Table.Td>
                      <StatusBadge status={d.status} label={d.statusLabel} />
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('tracking.appointment')}</Table.Th>
                    <Table.Td>
                      {d.appointmentAt
                        ? formatDateTime(d.appointmentAt, i18n.language)
                        : t('receipt.appointmentLater')}
                    </Table.Td>
                  </Table.Tr>
                </>
              )}
            </Table.Tbody>
          </Table>
          <Text size="sm">{state.secret ? t('receipt.slipWithSecretHint') : t('receipt.slipHint')}</Text>
          <Group className="no-print" align="flex-start">
            {state.secret && <ReceiptSlipButton code={code} secret={state.secret} />}
            <Button variant={state.secret ? 'default' : 'filled'} onClick={() => window.print()}>
              {t('receipt.print')}
            </Button>
            <Button
              component="a"
              href={`/api/dossiers/${encodeURIComponent(code)}/receipt.pdf`}
              target="_blank"
              variant="light"
            >
              {t('receipt.pdf')}
            </Button>
            <Anchor
              component={Link}
              to={`/tra-cuu?code=${encodeURIComponent(code)}`}
              state={{ secret: state.secret }}
            >
              {t('receipt.track')}
            </Anchor>
          </Group>
        </Stack>
      </Paper>
    </Container>
  );
}
