/** A dossier for officers: applicant, application data, attachments with preview, documents, history, diagram. */
import { Anchor, Button, Grid, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttachments, useDocuments } from '../../../api/dossiers';
import type { Attachment, DossierDetail } from '../../../api/types';
import { formatDateTime, formatSize } from '../../../components/format';
import { StatusBadge } from '../../../components/StatusBadge';
import { StatusTimeline } from '../../../components/StatusTimeline';
import { InstanceDiagram } from './InstanceDiagram';

/** The whole dossier, in panels. */
export function DossierView({ dossier: d }: { dossier: DossierDetail }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('officer.applicant'), d.applicant.name],
    [t('wizard.fields.applicantIdNumber'), d.applicant.idNumber ?? '—'],
    [t('wizard.fields.applicantPhone'), d.applicant.phone ?? '—'],
    [t('wizard.fields.applicantEmail'), d.applicant.email ?? '—'],
    [t('wizard.fields.applicantAddress'), d.applicant.address ?? '—'],
    [t('receipt.submittedAt'), formatDateTime(d.submittedAt, i18n.language)],
    [t('tracking.appointment'), formatDateTime(d.appointmentAt, i18n.language)],
  ];
  return (
    <Stack data-testid="dossier-view">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h4">
          {d.code} · {d.procedureName}
        </Title>
        <StatusBadge status={d.status} label={d.statusLabel} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="xs">
              {t('officer.applicantData')}
            </Title>
            <Table variant="vertical" withTableBorder>
              <Table.Tbody>
                {rows.map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Th w="40%">{k}</Table.Th>
                    <Table.Td>{v}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <Attachments code={d.code} />
            <Documents code={d.code} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="xs">
          {t('officer.formData')}
        </Title>
        <Table withTableBorder>
          <Table.Tbody>
            {Object.entries(d.formData).map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th w="40%">{k}</Table.Th>
                <Table.Td>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="xs">
              {t('officer.history')}
            </Title>
            <StatusTimeline history={d.history} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="xs">
              {t('diagram.title')}
            </Title>
            <InstanceDiagram code={d.code} />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Attachments({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data } = useAttachments(code);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const url = (a: Attachment) => `/api/dossiers/${encodeURIComponent(code)}/attachments/${a.id}`;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        {t('officer.attachments')}
      </Title>
      {data?.length === 0 && <Text size="sm">{t('wizard.noFiles')}</Text>}
      <Stack gap={4}>
        {data?.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <Anchor href={url(a)} target="_blank" size="sm">
              {a.fileName} ({formatSize(a.size)})
            </Anchor>
            {(a.mediaType === 'application/pdf' || a.mediaType.startsWith('image/')) && (
              <Button size="compact-xs" variant="light" onClick={() => setPreview(a)}>
                {t('officer.preview')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Modal opened={!!preview} onClose={() => setPreview(null)} title={preview?.fileName} size="xl">
        {preview?.mediaType.startsWith('image/') ? (
          <img src={url(preview)} alt={preview.fileName} style={{ maxWidth: '100%' }} />
        ) : (
          preview && (
            <iframe
              src={url(preview)}
              title={preview.fileName}
              style={{ width: '100%', height: '70vh', border: 0 }}
            />
          )
        )}
      </Modal>
    </Paper>
  );
}

function Documents({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useDocuments(code);
  if (!data?.length) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb="xs">
        {t('officer.documents')}
      </Title>
      <Stack gap={4}>
        {data.map((doc) => (
          <Anchor
            key={doc.id}
            size="sm"
            target="_blank"
            href={`/api/dossiers/${encodeURIComponent(code)}/documents/${doc.id}`}
          >
            {t(`documentKind.${doc.kind}`, { defaultValue: doc.kind })} {doc.number} ·{' '}
            {formatDateTime(doc.createdAt, i18n.language)}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}
