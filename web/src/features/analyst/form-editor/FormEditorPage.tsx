/** The form editor (form-js editor, lazy): open a procedure's form, edit it, deploy it or download it. */
import { Alert, Button, Container, Group, Select, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deploy, type DeploymentAnswer } from '../../../api/analyst';
import { useProcedure, useProcedureForm, useProcedureSearch } from '../../../api/catalogue';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RequireRole } from '../../../components/RequireRole';

type Editor = import('@bpmn-io/form-js-editor').FormEditor;

/** Page for analysts. */
export default function FormEditorPage() {
  return (
    <RequireRole roles={['analyst', 'admin']}>
      <FormEditorView />
    </RequireRole>
  );
}

function FormEditorView() {
  const { t } = useTranslation();
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [formId, setFormId] = useState<string | null>(null);
  const list = useProcedureSearch({ level: '3' });
  const procedure = useProcedure(procedureId ?? undefined);
  const schema = useProcedureForm(formId ? (procedureId ?? undefined) : undefined, formId ?? '');
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deployed, setDeployed] = useState<DeploymentAnswer | null>(null);

  useEffect(() => {
    if (!schema.data || !container.current) return;
    let cancelled = false;
    let instance: Editor | null = null;
    void (async () => {
      const [{ FormEditor }] = await Promise.all([
        import('@bpmn-io/form-js-editor'),
        import('@bpmn-io/form-js-editor/dist/assets/form-js-editor.css'),
        import('@bpmn-io/form-js-viewer/dist/assets/form-js.css'),
      ]);
      if (cancelled || !container.current) return;
      instance = new FormEditor({ container: container.current });
      await instance.importSchema(schema.data);
      editor.current = instance;
    })();
    return () => {
      cancelled = true;
      instance?.destroy();
      editor.current = null;
    };
  }, [schema.data]);

  const onDeploy = async () => {
    if (!editor.current || !formId) return;
    setError(null);
    setDeployed(null);
    try {
      setDeployed(
        await deploy([
          { name: `${formId}.form`, content: JSON.stringify(editor.current.saveSchema(), null, 2) },
        ]),
      );
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Container size="xl" py="md" fluid>
      <Stack>
        <Title order={2}>{t('analyst.formEditor')}</Title>
        <Group wrap="wrap" align="flex-end">
          <Select
            label={t('analyst.procedure')}
            searchable
            miw={360}
            data={(list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={procedureId}
            onChange={(v) => {
              setProcedureId(v);
              setFormId(null);
            }}
          />
          <Select
            label={t('analyst.form')}
            data={(procedure.data?.forms ?? [])
              .filter((f) => f.fileName.endsWith('.form'))
              .map((f) => ({ value: f.id, label: f.fileName }))}
            value={formId}
            onChange={setFormId}
            disabled={!procedure.data}
          />
          <Button onClick={() => void onDeploy()} disabled={!schema.data}>
            {t('analyst.deployForm')}
          </Button>
        </Group>
        <ErrorAlert error={error ?? schema.error} />
        {deployed && (
          <Alert color="green" role="status">
            {t('analyst.formDeployed', {
              forms: deployed.forms.map((f) => `${f.formId} v${f.version}`).join(', '),
            })}
          </Alert>
        )}
        <div
          ref={container}
          style={{ minHeight: '65vh', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }}
        />
      </Stack>
    </Container>
  );
}
