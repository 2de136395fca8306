/** The applicant's actions on their dossier: supplement (status 5), withdraw, and rate once it is done. */
import { Button, FileInput, Paper, Progress, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUpload } from '../../../api/client';
import { useDossierAction } from '../../../api/dossiers';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ACCEPT } from '../../../components/AttachmentPicker';

const WITHDRAWABLE = [1, 2, 4, 5, 6];

/** Action panels shown according to the status. */
export function OwnerActions({ code, status }: { code: string; status: number | null }) {
  return (
    <Stack>
      {status === 5 && <Supplement code={code} />}
      {status !== null && WITHDRAWABLE.includes(status) && <Withdraw code={code} />}
      {(status === 9 || status === 10) && <Rate code={code} />}
    </Stack>
  );
}

function Supplement({ code }: { code: string }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const action = useDossierAction<{ note?: string }>(code, 'supplement');
  const send = async () => {
    setUploadError(null);
    try {
      if (files.length) await apiUpload(`/dossiers/${code}/attachments`, files, setProgress);
      action.mutate({ note: note || undefined });
    } catch (e) {
      setUploadError(e);
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4">
        {t('tracking.supplementTitle')}
      </Title>
      <Stack mt="sm">
        <FileInput
          label={t('wizard.chooseFiles')}
          multiple
          accept={ACCEPT}
          value={files}
          onChange={setFiles}
          placeholder={t('wizard.noFiles')}
        />
        <Textarea label={t('tracking.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {progress !== null && (
          <Progress
            value={progress * 100}
            aria-label={t('wizard.uploading', { percent: Math.round(progress * 100) })}
          />
        )}
        <ErrorAlert error={uploadError ?? action.error} />
        {action.isSuccess && (
          <Text c="green.8" role="status">
            {action.data.message_vi}
          </Text>
        )}
        <Button onClick={() => void send()} loading={action.isPending} w="fit-content">
          {t('tracking.supplementSend')}
        </Button>
      </Stack>
    </Paper>
  );
}

function Withdraw({ code }: { code: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const action = useDossierAction<{ reason: string }>(code, 'withdrawal');
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4">
        {t('tracking.withdrawTitle')}
      </Title>
      <Stack mt="sm">
        <Textarea
          label={t('tracking.withdrawReason')}
          required
          minLength={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert error={action.error} />
        {action.isSuccess && (
          <Text c="green.8" role="status">
            {action.data.message_vi}
          </Text>
        )}
        <Button
          color="red"
          variant="outline"
          w="fit-content"
          disabled={reason.trim().length < 3}
          loading={action.isPending}
          onClick={() => action.mutate({ reason: reason.trim() })}
        >
          {t('tracking.withdraw')}
        </Button>
      </Stack>
    </Paper>
  );
}

function Rate({ code }: { code: string }) {
  const { t } = useTranslation();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const action = useDossierAction<{ score: number; comment?: string }>(code, 'rating');
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4">
        {t('tracking.rateTitle')}
      </Title>
      <Stack mt="sm">
        <Text size="sm" id="rating-label">
          {t('tracking.rateLabel')}
        </Text>
        <Rating value={score} onChange={setScore} aria-labelledby="rating-label" size="lg" />
        <Textarea
          label={t('tracking.rateComment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <ErrorAlert error={action.error} />
        {action.isSuccess && (
          <Text c="green.8" role="status">
            {t('tracking.rated')}
          </Text>
        )}
        <Button
          w="fit-content"
          disabled={score === 0}
          loading={action.isPending}
          onClick={() => action.mutate({ score, comment: comment || undefined })}
        >
          {t('tracking.rateSend')}
        </Button>
      </Stack>
    </Paper>
  );
}
