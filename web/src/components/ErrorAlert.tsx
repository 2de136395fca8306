/** Shows an API error with its Vietnamese message (message_vi) or, in English, its detail. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';

/** Red alert for a failed query or command; renders nothing without an error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      {errorMessage(error, i18n.language, t('common.errorGeneric'))}
    </Alert>
  );
}
