/**
 * Error state of the admin forms: messages per field (from the form's own checks or from the API, see
 * problemField) and one alert for an API error that belongs to no field.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { problemField } from './problemField';

export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [alertError, setAlertError] = useState<unknown>(null);
  return {
    errors,
    alertError,
    /** Hides the alert (before an action that is not a submit). */
    hideAlert: () => setAlertError(null),
    /** Forgets the message of a field the user just changed. */
    clear: (field: string) => setErrors((e) => ({ ...e, [field]: undefined })),
    /** Starts a submit: hides the alert and shows `found`; true when there is nothing to fix. */
    check: (found: Partial<Record<F, string>>): boolean => {
      setAlertError(null);
      setErrors(found);
      return Object.keys(found).length === 0;
    },
    /** Puts an API error on its field, or in the alert. */
    onError: (error: unknown) => {
      const field = problemField(error, fields);
      if (field)
        setErrors((e) => ({ ...e, [field]: errorMessage(error, i18n.language, t('common.errorGeneric')) }));
      else setAlertError(error);
    },
  };
}
