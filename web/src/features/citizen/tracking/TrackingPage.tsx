/**
 * Public tracking by dossier code and the secret printed on the receipt; a signed-in applicant can also open
 * their own dossier by code alone. Shows the status timeline, the appointment date and the process diagram,
 * and, for the applicant, supplementation, withdrawal and rating.
 */
import { Button, Container, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { hasAnyRole, useMe } from '../../../api/auth';
import { useDossier, useTracking } from '../../../api/dossiers';
import type { TrackingAnswer } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TrackingResult } from './TrackingResult';

/** The tracking page. */
export default function TrackingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const initialSecret = ((useLocation().state ?? {}) as { secret?: string }).secret ?? '';
  const [code, setCode] = useState(params.get('code') ?? '');
  const [secret, setSecret] = useState(initialSecret);
  const [asked, setAsked] = useState({ code: params.get('code') ?? '', secret: initialSecret });
  const { data: me } = useMe();
  const isApplicant = hasAnyRole(me, ['citizen', 'business']);

  const tracking = useTracking(asked.code, asked.secret);
  const own = useDossier(asked.code, isApplicant && !asked.secret);
  const answer: TrackingAnswer | undefined = tracking.data ?? own.data;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAsked({ code: code.trim(), secret: secret.trim() });
    setParams({ code: code.trim() });
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Title order={2}>{t('tracking.title')}</Title>
        <Paper withBorder p="md" radius="md">
          <form onSubmit={onSubmit} aria-label={t('tracking.title')}>
            <Group align="flex-end" wrap="wrap">
              <TextInput
                label={t('receipt.code')}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                miw={260}
                name="code"
              />
              <TextInput
                label={t('receipt.secret')}
                required={!isApplicant}
                description={isApplicant ? t('tracking.secretOptional') : undefined}
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                name="secret"
                autoComplete="off"
              />
              <Button type="submit">{t('tracking.submit')}</Button>
            </Group>
          </form>
        </Paper>
        <ErrorAlert error={tracking.error ?? own.error} />
        {answer && <TrackingResult answer={answer} secret={asked.secret} isApplicant={isApplicant} />}
      </Stack>
    </Container>
  );
}
