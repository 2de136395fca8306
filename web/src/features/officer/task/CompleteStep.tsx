/**
 * Completing a step: the decision as radio buttons and its reason (required when the form requires it, so a
 * dossier never comes back without a clear reason), the rest of the step's form rendered by form-js.
 */
import { Button, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTaskCommand } from '../../../api/tasks';
import type { TaskDetail } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormJsView, type FormJsHandle } from '../../../components/FormJsView';
import { decisionFieldOf, reasonFieldFor, withoutDecision } from '../../../components/formSchema';

/** The completion panel; goes back to the inbox when done. */
export function CompleteStep({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const complete = useTaskCommand<{ data: Record<string, unknown>; decision?: string; reason?: string }>(
    task.key,
    'complete',
  );
  const formRef = useRef<FormJsHandle>(null);
  const schema = task.form;
  const decisionField = schema ? decisionFieldOf(schema) : undefined;
  const options = decisionField?.values ?? [];
  const [decision, setDecision] = useState<string>(options.length === 1 ? (options[0]?.value ?? '') : '');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const rest = useMemo(
    () => (schema && decisionField?.key ? withoutDecision(schema, decisionField.key) : schema),
    [schema, decisionField?.key],
  );
  const reasonField =
    schema && decisionField?.key && decision
      ? reasonFieldFor(schema, decisionField.key, decision)
      : undefined;
  const reasonRequired = !!(reasonField?.validate as { required?: boolean } | undefined)?.required;

  const submit = () => {
    const result = formRef.current?.submit() ?? { data: {}, errors: {} };
    const bad =
      Object.keys(result.errors).length > 0 ||
      (decisionField && !decision) ||
      (reasonRequired && !reason.trim());
    setInvalid(!!bad);
    if (bad) return;
    complete.mutate(
      { data: result.data, decision: decision || undefined, reason: reasonField ? reason.trim() : undefined },
      { onSuccess: () => void navigate('/can-bo') },
    );
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {t('officer.complete')}
      </Title>
      <Stack>
        {decisionField && (
          <Radio.Group label={decisionField.label} required value={decision} onChange={setDecision}>
            <Stack gap="xs" mt="xs">
              {options.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {reasonField && (
          <Textarea
            label={reasonField.label}
            required={reasonRequired}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {rest && rest.components.length > 0 && <FormJsView ref={formRef} schema={rest} />}
        {!schema && <Text size="sm">{t('officer.noForm')}</Text>}
        {invalid && (
          <Text c="red.8" role="alert">
            {t('officer.incomplete')}
          </Text>
        )}
        <ErrorAlert error={complete.error} />
        <Button onClick={submit} loading={complete.isPending} w="fit-content">
          {t('officer.completeButton')}
        </Button>
      </Stack>
    </Paper>
  );
}
