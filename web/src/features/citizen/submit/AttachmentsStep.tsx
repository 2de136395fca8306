/** Step 3: the documents the procedure requires, as files (PDF, images, office documents). */
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../api/types';
import { AttachmentPicker } from '../../../components/AttachmentPicker';

interface Props {
  procedure: ProcedureDetail;
  files: File[];
  onChange: (files: File[]) => void;
  onBack: () => void;
  onNext: () => void;
}

/** File picker with the list of required documents as a reminder. */
export function AttachmentsStep({ procedure, files, onChange, onBack, onNext }: Props) {
  const { t } = useTranslation();
  return (
    <Stack>
      <AttachmentPicker procedure={procedure} files={files} onChange={onChange} />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('common.back')}
        </Button>
        <Button onClick={onNext}>{t('common.next')}</Button>
      </Group>
    </Stack>
  );
}
