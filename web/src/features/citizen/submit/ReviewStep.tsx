/** Step 4: everything once more, then submit: the dossier is filed, the files uploaded with progress. */
import { Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiUpload } from '../../../api/client';
import { submitDossier } from '../../../api/dossiers';
import type { FormSchema, ProcedureDetail } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { displayValue, fieldsOf } from '../../../components/formSchema';
import type { Applicant } from './ApplicantStep';

interface Props {
  procedure: ProcedureDetail;
  schema: FormSchema;
  applicant: Applicant;
  formData: Record<string, unknown>;
  files: File[];
  onBack: () => void;
}

/** Review table and the submit button; on success goes to the receipt with the secret (shown once). */
export function ReviewStep({ procedure, schema, formData, files, onBack }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const key = useRef(crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await submitDossier(
        { procedureId: procedure.id, variantKey: procedure.variants[0]?.id, formData },
        key.current,
      );
      const code = answer.dossier.code;
      if (files.length > 0) {
        setProgress(0);
        await apiUpload(`/dossiers/${code}/attachments`, files, setProgress);
      }
      void navigate(`/bien-nhan/${encodeURIComponent(code)}`, {
        state: { secret: answer.trackingSecret, files: files.length },
      });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const fields = fieldsOf(schema).filter((f) => f.key && f.key in formData);
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('wizard.reviewHeading')}
      </Title>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          {fields.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Th w="40%">{f.label ?? f.key}</Table.Th>
              <Table.Td>{displayValue(f, formData[f.key ?? ''])}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{t('wizard.attachments')}</Table.Th>
            <Table.Td>{files.length ? files.map((f) => f.name).join(', ') : t('wizard.noFiles')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <ErrorAlert error={error} title={t('wizard.submitFailed')} />
      {progress !== null && (
        <Stack gap={4}>
          <Text size="sm" id="upload-label">
            {t('wizard.uploading', { percent: Math.round(progress * 100) })}
          </Text>
          <Progress value={progress * 100} aria-labelledby="upload-label" animated={progress < 1} />
        </Stack>
      )}
      <Text size="sm" c="gray.7">
        {t('wizard.declaration')}
      </Text>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} disabled={busy}>
          {t('common.back')}
        </Button>
        <Button onClick={() => void submit()} loading={busy}>
          {t('wizard.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
