/** The applicant's identity as written on the papers, with Vietnamese messages under the invalid fields. */
import { Grid, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantField, ApplicantValues } from './applicant';

const FIELDS: {
  key: ApplicantField;
  required: boolean;
  type?: string;
  autoComplete: string;
  span: number;
}[] = [
  { key: 'name', required: true, autoComplete: 'off', span: 6 },
  { key: 'idNumber', required: true, autoComplete: 'off', span: 6 },
  { key: 'phone', required: true, type: 'tel', autoComplete: 'off', span: 6 },
  { key: 'email', required: false, type: 'email', autoComplete: 'off', span: 6 },
  { key: 'address', required: true, autoComplete: 'off', span: 12 },
];

interface Props {
  value: ApplicantValues;
  errors: Partial<Record<ApplicantField, string>>;
  onChange: (value: ApplicantValues) => void;
}

/** Type (person / organisation), name, identity number, phone, e-mail, address. */
export function ApplicantFields({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const business = value.type === 'business';
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="applicant-type-label">
          {t('paper.applicantType')}
        </Text>
        <SegmentedControl
          aria-labelledby="applicant-type-label"
          value={value.type}
          onChange={(type) => onChange({ ...value, type: type as ApplicantValues['type'] })}
          data={[
            { value: 'citizen', label: t('paper.types.citizen') },
            { value: 'business', label: t('paper.types.business') },
          ]}
          w="fit-content"
        />
      </Stack>
      <Grid>
        {FIELDS.map((f) => (
          <Grid.Col key={f.key} span={{ base: 12, sm: f.span }}>
            <TextInput
              label={t(
                `paper.fields.${f.key}${business && (f.key === 'name' || f.key === 'idNumber') ? 'Business' : ''}`,
              )}
              description={
                f.key === 'idNumber' ? t(business ? 'paper.idHintBusiness' : 'paper.idHint') : undefined
              }
              withAsterisk={f.required}
              type={f.type}
              autoComplete={f.autoComplete}
              value={value[f.key]}
              error={errors[f.key] ? t(errors[f.key]!) : undefined}
              onChange={(e) => onChange({ ...value, [f.key]: e.currentTarget.value })}
            />
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}
