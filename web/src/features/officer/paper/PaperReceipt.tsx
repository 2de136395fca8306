/** After a paper dossier is registered: its code, the tracking secret (shown once), the appointment and Mẫu 01. */
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDossier, type PaperAnswer } from '../../../api/dossiers';
import type { ProcedureDetail } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { ReceiptSlipButton } from '../../../components/ReceiptSlipButton';
import { StatusBadge } from '../../../components/StatusBadge';

interface Props {
  answer: PaperAnswer;
  procedure: ProcedureDetail;
  onNext: () => void;
}

/** The result panel of the paper intake. */
export function PaperReceipt({ answer, procedure, onNext }: Props) {
  const { t, i18n } = useTranslation();
  const code = answer.dossier.code;
  const { data: live } = useDossier(code);
  const d = live ?? answer.dossier;
  const days = d.channel === 'online' ? procedure.daysOnline : procedure.daysPaper;
  const limit = days
    ? t(procedure.dayKind === 'calendar' ? 'catalogue.days' : 'catalogue.workingDays', { count: days })
    : null;
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Alert color="green" title={t('paper.success')} role="status">
          {answer.created ? t('paper.successText') : t('paper.alreadyRegistered')}
        </Alert>
        <Title order={3}>{t('paper.receiptTitle')}</Title>
        <Table variant="vertical" withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="35%">{t('receipt.code')}</Table.Th>
              <Table.Td>
                <Text fw={700} size="lg" data-testid="dossier-code">
                  {code}
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('receipt.secret')}</Table.Th>
              <Table.Td>
                {answer.trackingSecret ? (
                  <>
                    <Text fw={700} size="lg" ff="monospace" data-testid="tracking-secret">
                      {answer.trackingSecret}
                    </Text>
                    <Text size="sm" c="dark.5">
                      {t('paper.secretHint')}
                    </Text>
                  </>
                ) : (
                  <Text size="sm">{t('paper.secretGone')}</Text>
                )}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('receipt.procedure')}</Table.Th>
              <Table.Td>{d.procedureName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('officer.applicant')}</Table.Th>
              <Table.Td>
                {d.applicant.name}
                {d.applicant.idNumber ? ` · ${d.applicant.idNumber}` : ''}
                {d.applicant.phone ? ` · ${d.applicant.phone}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('paper.receivedBy')}</Table.Th>
              <Table.Td>
                {answer.receivedBy.fullName} ({formatDateTime(d.submittedAt, i18n.language)})
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('receipt.status')}</Table.Th>
              <Table.Td>
                <StatusBadge status={d.status} label={d.statusLabel} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('tracking.appointment')}</Table.Th>
              <Table.Td data-testid="appointment">
                {d.appointmentAt
                  ? formatDateTime(d.appointmentAt, i18n.language)
                  : t('paper.appointmentAfterCheck')}
                {!d.appointmentAt && limit && (
                  <Text size="sm" c="dark.5">
                    {t('paper.timeLimit', { limit })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
            {answer.attachments && answer.attachments.length > 0 && (
              <Table.Tr>
                <Table.Th>{t('paper.scans')}</Table.Th>
                <Table.Td>{answer.attachments.map((a) => a.fileName).join(', ')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Group align="flex-start">
          {answer.trackingSecret && <ReceiptSlipButton code={code} secret={answer.trackingSecret} />}
          <Button component={Link} to={`/can-bo/ho-so/${encodeURIComponent(code)}`} variant="light">
            {t('paper.openDossier')}
          </Button>
          <Button variant="default" onClick={onNext}>
            {t('paper.next')}
          </Button>
        </Group>
        <Text size="sm" c="dark.6">
          {t('paper.checkHint')}{' '}
          <Anchor component={Link} to="/can-bo">
            {t('nav.inbox')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
