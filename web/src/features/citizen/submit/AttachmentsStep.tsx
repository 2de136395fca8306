/** Step 3: the documents the procedure requires, as files (PDF, images, office documents). */
import { Button, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../../../api/types';
import { formatSize } from '../../../components/format';

/** Accepted types, as the API checks them by magic bytes. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,application/pdf,image/jpeg,image/png';

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
      <Text fw={600}>{t('wizard.requiredDocuments')}</Text>
      <List size="sm">
        {procedure.documents.map((d) => (
          <List.Item key={d.name}>
            {d.name}
            {d.note ? ` (${d.note})` : ''}
          </List.Item>
        ))}
      </List>
      <FileInput
        label={t('wizard.chooseFiles')}
        description={t('wizard.fileTypes')}
        placeholder={t('wizard.noFiles')}
        multiple
        clearable
        accept={ACCEPT}
        value={files}
        onChange={onChange}
        data-testid="attachments-input"
      />
      {files.length > 0 && (
        <List size="sm" aria-label={t('wizard.chosenFiles')}>
          {files.map((f) => (
            <List.Item key={f.name + f.size}>
              {f.name} ({formatSize(f.size)})
            </List.Item>
          ))}
        </List>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>{t('common.back')}</Button>
        <Button onClick={onNext}>{t('common.next')}</Button>
      </Group>
    </Stack>
  );
}
