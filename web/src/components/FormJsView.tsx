/**
 * Renders a form-js schema with @bpmn-io/form-js-viewer, loaded lazily (≈150 kB gzip) the first time a form
 * is shown. The parent reads the data through the handle (`submit()` validates like the API does).
 */
import { Loader } from '@mantine/core';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { FormSchema } from '../api/types';

/** What a parent may ask the rendered form. */
export interface FormJsHandle {
  submit(): { data: Record<string, unknown>; errors: Record<string, unknown> };
}

interface Props {
  schema: FormSchema;
  data?: Record<string, unknown>;
  readOnly?: boolean;
  onChange?: (data: Record<string, unknown>) => void;
}

type FormInstance = import('@bpmn-io/form-js-viewer').Form;

/** The form, or a spinner while the library loads. */
export const FormJsView = forwardRef<FormJsHandle, Props>(function FormJsView(
  { schema, data, readOnly, onChange },
  ref,
) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<FormInstance | null>(null);
  const [ready, setReady] = useState(false);
  const changed = useRef(onChange);
  changed.current = onChange;

  useImperativeHandle(ref, () => ({
    submit: () => {
      const result = form.current?.submit();
      return {
        data: (result?.data ?? {}) as Record<string, unknown>,
        errors: (result?.errors ?? {}) as Record<string, unknown>,
      };
    },
  }));

  useEffect(() => {
    let cancelled = false;
    let instance: FormInstance | null = null;
    void (async () => {
      const [{ Form }] = await Promise.all([
        import('@bpmn-io/form-js-viewer'),
        import('@bpmn-io/form-js-viewer/dist/assets/form-js.css'),
      ]);
      if (cancelled || !container.current) return;
      instance = new Form({ container: container.current, properties: { readOnly: !!readOnly } });
      await instance.importSchema(schema, data ?? {});
      instance.on('changed', (event: { data: Record<string, unknown> }) => changed.current?.(event.data));
      form.current = instance;
      if (!cancelled) setReady(true);
    })();
    return () => {
      cancelled = true;
      instance?.destroy();
      form.current = null;
    };
    // The form is rebuilt only when the schema changes; data is its initial value.
  }, [schema, readOnly]);

  return (
    <div>
      {!ready && <Loader size="sm" aria-label="…" />}
      <div ref={container} className="motcua-form" />
    </div>
  );
});
