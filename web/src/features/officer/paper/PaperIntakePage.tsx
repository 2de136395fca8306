/**
 * Tiếp nhận hồ sơ trực tiếp: a one-stop officer registers the paper dossier of an applicant at the desk. Procedure
 * of the officer's agency and the applicant's identity → the application form (form-js, as in the citizen wizard)
 * → the scanned papers and submit (POST /api/dossiers/paper, one Idempotency-Key per form) → the receipt with the
 * tracking secret and Mẫu 01 to print.
 */
import {
  Button,
  Container,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { useMe } from '../../../api/auth';
import { useProcedure, useProcedureForm } from '../../../api/catalogue';
import { submitPaperDossier, type PaperAnswer } from '../../../api/dossiers';
import type { ProcedureSummary } from '../../../api/types';
import { AttachmentPicker } from '../../../components/AttachmentPicker';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormJsView, type FormJsHandle } from '../../../components/FormJsView';
import { displayValue, fieldsOf, withoutFilePickers } from '../../../components/formSchema';
import { RequireRole } from '../../../components/RequireRole';
import { ApplicantFields } from './ApplicantFields';
import {
  applicantErrors,
  EMPTY_APPLICANT,
  prefillForm,
  toPaperApplicant,
  type ApplicantValues,
} from './applicant';
import { PaperReceipt } from './PaperReceipt';
import { ProcedurePicker } from './ProcedurePicker';

/** The page, for one-stop officers. */
export default function PaperIntakePage() {
  return (
    <RequireRole roles={['one-stop']}>
      <PaperIntake />
    </RequireRole>
  );
}

function PaperIntake() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const agencies = useMemo(
    () => [...new Set((me?.memberships ?? []).filter((m) => m.role === 'one-stop').map((m) => m.agencyCode))],
    [me],
  );
  // Every new form (the page, or "receive another dossier") gets a new key: a double click files one dossier.
  const [round, setRound] = useState(0);
  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Title order={2}>{t('paper.title')}</Title>
        <IntakeForm key={round} agencies={agencies} onNext={() => setRound((r) => r + 1)} />
      </Stack>
    </Container>
  );
}

function IntakeForm({ agencies, onNext }: { agencies: string[]; onNext: () => void }) {
  const { t } = useTranslation();
  const key = useRef(crypto.randomUUID());
  const [agency, setAgency] = useState(agencies[0] ?? '');
  const [summary, setSummary] = useState<ProcedureSummary | null>(null);
  const procedure = useProcedure(summary?.id);
  const form = useProcedureForm(summary?.id, 'application');
  const noForm = form.error instanceof ApiError && form.error.status === 404;
  const schema = useMemo(() => (form.data ? withoutFilePickers(form.data) : undefined), [form.data]);
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const [applicant, setApplicant] = useState<ApplicantValues>(EMPTY_APPLICANT);
  const [errors, setErrors] = useState<ReturnType<typeof applicantErrors>>({});
  const [procedureError, setProcedureError] = useState<string | undefined>(undefined);
  const [step, setStep] = useState(0);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [formInvalid, setFormInvalid] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<PaperAnswer | null>(null);
  const formRef = useRef<FormJsHandle>(null);

  if (agencies.length === 0) return <ErrorAlert error={new Error('no agency')} title={t('paper.noAgency')} />;
  if (answer && procedure.data)
    return <PaperReceipt answer={answer} procedure={procedure.data} onNext={onNext} />;

  const toForm = () => {
    const e = applicantErrors(applicant);
    const missing = summary ? undefined : t('paper.errors.procedure');
    setErrors(e);
    setProcedureError(missing);
    if (missing || Object.keys(e).length > 0) return;
    setFormData((d) => prefillForm(schema, d, applicant));
    setStep(1);
  };
  const fromForm = () => {
    if (noForm) return setStep(2);
    const result = formRef.current?.submit();
    if (!result) return;
    const invalid = Object.keys(result.errors).length > 0;
    setFormInvalid(invalid);
    if (invalid) return;
    setFormData(result.data);
    setStep(2);
  };
  const submit = async () => {
    if (!summary || busy) return;
    setBusy(true);
    setError(null);
    setProgress(files.length > 0 ? 0 : null);
    try {
      const variantKey = variant ?? procedure.data?.variants[0]?.id;
      const body = {
        procedureId: summary.id,
        ...(variantKey ? { variantKey } : {}),
        formData: noForm ? {} : formData,
        applicant: toPaperApplicant(applicant),
      };
      setAnswer(await submitPaperDossier(body, files, key.current, setProgress));
    } catch (e) {
      setError(e);
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  const fields = schema ? fieldsOf(schema).filter((f) => f.key && f.key in formData) : [];
  return (
    <Stepper
      active={step}
      onStepClick={(s) => s < step && !busy && setStep(s)}
      size="sm"
      allowNextStepsSelect={false}
    >
      <Stepper.Step label={t('paper.steps.applicant')}>
        <Stack>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h4" mb="sm">
              {t('paper.procedureHeading')}
            </Title>
            <ProcedurePicker
              agencies={agencies}
              agency={agency}
              onAgency={setAgency}
              procedure={summary}
              onProcedure={(p) => {
                setSummary(p);
                setVariant(undefined);
                setFormData({});
                setProcedureError(undefined);
              }}
              error={procedureError}
            />
            {procedure.data && procedure.data.variants.length > 1 && (
              <NativeSelect
                mt="sm"
                label={t('paper.variant')}
                value={variant ?? procedure.data.variants[0]?.id}
                onChange={(e) => setVariant(e.currentTarget.value)}
                data={procedure.data.variants.map((v) => ({ value: v.id, label: v.name }))}
              />
            )}
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h4" mb="sm">
              {t('paper.applicantHeading')}
            </Title>
            <ApplicantFields
              value={applicant}
              errors={errors}
              onChange={(v) => {
                setApplicant(v);
                setErrors({});
              }}
            />
          </Paper>
          <Group justify="flex-end">
            <Button onClick={toForm} disabled={!!summary && (form.isPending || procedure.isPending)}>
              {t('common.next')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Step label={t('wizard.form')}>
        <Stack>
          {formInvalid && <ErrorAlert error={new Error('form')} title={t('wizard.formInvalid')} />}
          {noForm && <Text>{t('paper.noForm')}</Text>}
          {form.error && !noForm && <ErrorAlert error={form.error} />}
          {schema && step === 1 && <FormJsView ref={formRef} schema={schema} data={formData} />}
          {!schema && !form.error && <Skeleton height={240} />}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(0)}>
              {t('common.back')}
            </Button>
            <Button onClick={fromForm} disabled={!schema && !noForm}>
              {t('common.next')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
      <Stepper.Step label={t('paper.steps.scans')}>
        <Stack>
          {procedure.data && (
            <AttachmentPicker
              procedure={procedure.data}
              files={files}
              onChange={setFiles}
              label={t('paper.chooseScans')}
            />
          )}
          <Title order={3} size="h4">
            {t('wizard.reviewHeading')}
          </Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w="40%">{t('receipt.procedure')}</Table.Th>
                <Table.Td>{summary?.name}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('officer.applicant')}</Table.Th>
                <Table.Td>
                  {[applicant.name, applicant.idNumber, applicant.phone, applicant.email, applicant.address]
                    .map((x) => x.trim())
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Td>
              </Table.Tr>
              {fields.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Th>{f.label ?? f.key}</Table.Th>
                  <Table.Td>{displayValue(f, formData[f.key ?? ''])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <ErrorAlert error={error} title={t('paper.submitFailed')} />
          {progress !== null && (
            <Stack gap={4}>
              <Text size="sm" id="paper-upload-label">
                {t('wizard.uploading', { percent: Math.round(progress * 100) })}
              </Text>
              <Progress value={progress * 100} aria-labelledby="paper-upload-label" animated={progress < 1} />
            </Stack>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(1)} disabled={busy}>
              {t('common.back')}
            </Button>
            <Button onClick={() => void submit()} loading={busy}>
              {t('paper.submit')}
            </Button>
          </Group>
        </Stack>
      </Stepper.Step>
    </Stepper>
  );
}
