/**
 * The submission wizard: applicant → the procedure's application form (form-js, lazy) → attachments → review
 * → submit. Applicant data typed once pre-fills the form (citizens complain about typing things twice).
 */
import { Button, Container, Group, Skeleton, Stack, Stepper, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../../api/auth';
import { useProcedure, useProcedureForm } from '../../../api/catalogue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormJsView, type FormJsHandle } from '../../../components/FormJsView';
import { RequireRole } from '../../../components/RequireRole';
import { ApplicantStep, applicantFromMe, type Applicant } from './ApplicantStep';
import { AttachmentsStep } from './AttachmentsStep';
import { ReviewStep } from './ReviewStep';

/** Wizard page, for signed-in citizens and businesses. */
export default function SubmitPage() {
  return (
    <RequireRole roles={['citizen', 'business']}>
      <Wizard />
    </RequireRole>
  );
}

function Wizard() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data: me } = useMe();
  const procedure = useProcedure(id);
  const form = useProcedureForm(id, 'application');
  const [step, setStep] = useState(0);
  const [applicant, setApplicant] = useState<Applicant>(() => applicantFromMe(me));
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [formInvalid, setFormInvalid] = useState(false);
  const formRef = useRef<FormJsHandle>(null);

  const toForm = (a: Applicant) => {
    setApplicant(a);
    setFormData((d) => ({ ...d, ...Object.fromEntries(Object.entries(a).filter(([, v]) => v !== '')) }));
    setStep(1);
  };
  const fromForm = () => {
    const result = formRef.current?.submit();
    if (!result) return;
    const invalid = Object.keys(result.errors).length > 0;
    setFormInvalid(invalid);
    if (invalid) return;
    setFormData(result.data);
    setStep(2);
  };

  if (procedure.error || form.error)
    return (
      <Container py="xl">
        <ErrorAlert error={procedure.error ?? form.error} />
      </Container>
    );
  if (!procedure.data || !form.data)
    return (
      <Container py="xl">
        <Skeleton height={300} />
      </Container>
    );

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Title order={2}>{t('wizard.title', { name: procedure.data.name })}</Title>
        <Stepper
          active={step}
          onStepClick={(s) => s < step && setStep(s)}
          size="sm"
          allowNextStepsSelect={false}
        >
          <Stepper.Step label={t('wizard.applicant')}>
            <ApplicantStep initial={applicant} onNext={toForm} />
          </Stepper.Step>
          <Stepper.Step label={t('wizard.form')}>
            <Stack>
              {formInvalid && <ErrorAlert error={new Error('form')} title={t('wizard.formInvalid')} />}
              <FormJsView ref={formRef} schema={form.data} data={formData} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('common.back')}
                </Button>
                <Button onClick={fromForm}>{t('common.next')}</Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('wizard.attachments')}>
            <AttachmentsStep
              procedure={procedure.data}
              files={files}
              onChange={setFiles}
              onBack={() => setStep(1)}
              onNext={() => setStep(3)}
            />
          </Stepper.Step>
          <Stepper.Step label={t('wizard.review')}>
            <ReviewStep
              procedure={procedure.data}
              schema={form.data}
              applicant={applicant}
              formData={formData}
              files={files}
              onBack={() => setStep(2)}
            />
          </Stepper.Step>
        </Stepper>
      </Stack>
    </Container>
  );
}
