/**
 * Create an agency (or a new period of one), or change an agency period. The API never changes the mã định danh
 * of a period: to re-code an agency, end it and create its successor (docs/api.md, reference data).
 */
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENCY_TIERS,
  useCreateAgency,
  useUpdateAgency,
  type AgencyCreateInput,
  type AgencyUpdateInput,
} from '../../api/admin';
import type { Agency } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldErrors } from './useFieldErrors';

const FIELDS = [
  'code',
  'slug',
  'name',
  'shortName',
  'tier',
  'parentCode',
  'validFrom',
  'validTo',
  'legalBasis',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;
const SLUG = /^[a-z0-9-]{2,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function initial(agency?: Agency): Values {
  return {
    code: agency?.code ?? '',
    slug: agency?.slug ?? '',
    name: agency?.name ?? '',
    shortName: agency?.shortName ?? '',
    tier: agency?.tier ?? 'province',
    parentCode: agency?.parentCode ?? '',
    validFrom: agency?.validFrom ?? new Date().toISOString().slice(0, 10),
    validTo: agency?.validTo ?? '',
    legalBasis: agency?.legalBasis ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const NULLABLE = ['shortName', 'parentCode', 'validTo', 'legalBasis'] as const;

/** The agency form; `agency` switches it to editing that period. `agencies` offers the parent agencies. */
export function AgencyForm({
  agency,
  agencies,
  onDone,
  onCancel,
}: {
  agency?: Agency;
  agencies: Agency[];
  onDone: (saved: Agency) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => initial(agency));
  const { errors, alertError, clear, check, onError } = useFieldErrors(FIELDS);
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const busy = create.isPending || update.isPending;
  const editing = agency !== undefined;

  const set = (key: Field, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    clear(key);
  };

  const validate = (): Partial<Record<Field, string>> => {
    const e: Partial<Record<Field, string>> = {};
    if (!editing && !AGENCY_CODE.test(values.code)) e.code = t('admin.form.invalidAgencyCode');
    if (!SLUG.test(values.slug)) e.slug = t('admin.form.invalidSlug');
    if (values.name.trim().length < 2) e.name = t('admin.form.required');
    if (!DATE.test(values.validFrom)) e.validFrom = t('admin.form.invalidDate');
    if (values.validTo && !DATE.test(values.validTo)) e.validTo = t('admin.form.invalidDate');
    else if (values.validTo && values.validTo <= values.validFrom)
      e.validTo = t('admin.form.validToBeforeFrom');
    if (values.parentCode && values.parentCode === values.code) e.parentCode = t('admin.form.parentIsSelf');
    return e;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check(validate())) return;
    if (!agency) {
      const body: AgencyCreateInput = {
        code: values.code,
        slug: values.slug,
        name: values.name.trim(),
        tier: values.tier,
        validFrom: values.validFrom,
      };
      for (const key of NULLABLE) {
        const value = orNull(values[key]);
        if (value !== null) body[key] = value;
      }
      create.mutate(body, { onSuccess: onDone, onError });
      return;
    }
    const before = initial(agency);
    const body: AgencyUpdateInput = {};
    if (values.slug !== before.slug) body.slug = values.slug;
    if (values.name.trim() !== before.name) body.name = values.name.trim();
    if (values.tier !== before.tier) body.tier = values.tier;
    if (values.validFrom !== before.validFrom) body.validFrom = values.validFrom;
    for (const key of NULLABLE)
      if (orNull(values[key]) !== orNull(before[key])) body[key] = orNull(values[key]);
    if (Object.keys(body).length === 0) {
      onDone(agency);
      return;
    }
    update.mutate({ id: agency.id, body }, { onSuccess: onDone, onError });
  };

  const parentOptions = [
    { value: '', label: t('admin.form.noParent') },
    ...agencies
      .filter((a) => a.code !== values.code)
      .map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` })),
    ...(values.parentCode && !agencies.some((a) => a.code === values.parentCode)
      ? [{ value: values.parentCode, label: values.parentCode }]
      : []),
  ];

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={editing ? t('admin.form.editAgency', { code: agency.code }) : t('admin.form.newAgency')}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.form.agencyCode')}
            description={editing ? t('admin.form.codeFixed') : t('admin.form.agencyCodeHint')}
            value={values.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            error={errors.code}
            required={!editing}
            disabled={editing}
          />
          <TextInput
            label={t('admin.form.slug')}
            description={t('admin.form.slugHint')}
            value={values.slug}
            onChange={(e) => set('slug', e.currentTarget.value)}
            error={errors.slug}
            required
          />
          <TextInput
            label={t('admin.name')}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
          />
          <TextInput
            label={t('admin.form.shortName')}
            value={values.shortName}
            onChange={(e) => set('shortName', e.currentTarget.value)}
            error={errors.shortName}
          />
          <NativeSelect
            label={t('admin.tier')}
            data={AGENCY_TIERS.map((tier) => ({ value: tier, label: t(`admin.tiers.${tier}`) }))}
            value={values.tier}
            onChange={(e) => set('tier', e.currentTarget.value)}
            error={errors.tier}
            required
          />
          <NativeSelect
            label={t('admin.form.parent')}
            data={parentOptions}
            value={values.parentCode}
            onChange={(e) => set('parentCode', e.currentTarget.value)}
            error={errors.parentCode}
          />
          <TextInput
            label={t('admin.validFrom')}
            type="date"
            value={values.validFrom}
            onChange={(e) => set('validFrom', e.currentTarget.value)}
            error={errors.validFrom}
            required
          />
          <TextInput
            label={t('admin.form.validTo')}
            description={t('admin.form.validToHint')}
            type="date"
            value={values.validTo}
            onChange={(e) => set('validTo', e.currentTarget.value)}
            error={errors.validTo}
          />
        </SimpleGrid>
        <TextInput
          label={t('admin.form.legalBasis')}
          value={values.legalBasis}
          onChange={(e) => set('legalBasis', e.currentTarget.value)}
          error={errors.legalBasis}
        />
        <ErrorAlert error={alertError} />
        <Group>
          <Button type="submit" loading={busy}>
            {editing ? t('admin.form.save') : t('admin.form.create')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('admin.form.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
