/**
 * Picking the dossier's files (PDF, images, office documents) with the procedure's required documents as a
 * reminder: the citizen wizard's attachments step and the desk's scanned papers use the same picker.
 */
import { FileInput, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureDetail } from '../api/types';
import { formatSize } from './format';

/** Accepted types, as the API checks them by magic bytes. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,application/pdf,image/jpeg,image/png';

/** Most files in one submission (the API's multipart limit). */
export const MAX_FILES = 10;

interface Props {
  procedure: Pick<ProcedureDetail, 'documents'>;
  files: File[];
  onChange: (files: File[]) => void;
  /** Label of the file input (default: "Chọn tệp đính kèm"). */
  label?: string;
}

/** The list of required documents, the file input and the chosen files. */
export function AttachmentPicker({ procedure, files, onChange, label }: Props) {
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
        label={label ?? t('wizard.chooseFiles')}
        description={t('wizard.fileTypes')}
        placeholder={t('wizard.noFiles')}
        multiple
        clearable
        accept={ACCEPT}
        value={files}
        onChange={(chosen) => onChange(chosen.slice(0, MAX_FILES))}
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
    </Stack>
  );
}
