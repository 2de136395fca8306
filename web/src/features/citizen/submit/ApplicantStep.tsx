/** Step 1: who applies. Pre-filled from the account; the values pre-fill the application form. */
import { Button, Grid, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../api/auth';

/** Applicant fields, named as the procedures' application forms name them. */
export interface Applicant {
  applicantName: string;
  applicantDateOfBirth: string;
  applicantIdNumber: string;
  applicantPhone: string;
  applicantEmail: string;
  applicantAddress: string;
}

/** The account's own data as a starting point. */
export function applicantFromMe(me: Me | null | undefined): Applicant {
  return {
    applicantName: me?.fullName ?? '',
    applicantDateOfBirth: '',
    applicantIdNumber: me?.citizenId ?? '',
    applicantPhone: me?.phone ?? '',
    applicantEmail: me?.email ?? '',
    applicantAddress: '',
  };
}

const FIELDS: { key: keyof Applicant; required: boolean; type?: string; autoComplete: string }[] = [
  { key: 'applicantName', required: true, autoComplete: 'name' },
  { key: 'applicantDateOfBirth', required: true, type: 'date', autoComplete: 'bday' },
  { key: 'applicantIdNumber', required: true, autoComplete: 'off' },
  { key: 'applicantPhone', required: true, type: 'tel', autoComplete: 'tel' },
  { key: 'applicantEmail', required: false, type: 'email', autoComplete: 'email' },
  { key: 'applicantAddress', required: true, autoComplete: 'street-address' },
];

/** The applicant form; `onNext` gets the values once the browser's validation passes. */
export function ApplicantStep({ initial, onNext }: { initial: Applicant; onNext: (a: Applicant) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onNext(value);
  };
  return (
    <form onSubmit={onSubmit}>
      <Grid>
        {FIELDS.map((f) => (
          <Grid.Col key={f.key} span={{ base: 12, sm: f.key === 'applicantAddress' ? 12 : 6 }}>
            <TextInput
              label={t(`wizard.fields.${f.key}`)}
              required={f.required}
              type={f.type}
              autoComplete={f.autoComplete}
              value={value[f.key]}
              pattern={f.key === 'applicantIdNumber' ? '[0-9]{12}' : undefined}
              description={f.key === 'applicantIdNumber' ? t('wizard.idHint') : undefined}
              onChange={(e) => setValue({ ...value, [f.key]: e.currentTarget.value })}
            />
          </Grid.Col>
        ))}
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button type="submit">{t('common.next')}</Button>
      </Group>
    </form>
  );
}
