/**
 * A read-only process diagram (bpmn-js NavigatedViewer, loaded lazily) with the done and current elements
 * highlighted, for the tracking page and the officers' dossier view.
 */
import { Box, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  xml: string;
  done?: string[];
  current?: string[];
  height?: number;
}

type Canvas = { addMarker(id: string, marker: string): void; zoom(level: string): void };

/** The diagram with a legend; elements missing from the XML are ignored. */
export function BpmnDiagram({ xml, done = [], current = [], height = 360 }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');

  useEffect(() => {
    let cancelled = false;
    let viewer: { destroy(): void } | null = null;
    void (async () => {
      const [{ default: Viewer }] = await Promise.all([
        import('bpmn-js/lib/NavigatedViewer'),
        import('bpmn-js/dist/assets/diagram-js.css'),
        import('bpmn-js/dist/assets/bpmn-js.css'),
      ]);
      if (cancelled || !container.current) return;
      const v = new Viewer({ container: container.current });
      viewer = v;
      try {
        await v.importXML(xml);
        const canvas = v.get<Canvas>('canvas');
        const registry = v.get<{ get(id: string): unknown }>('elementRegistry');
        for (const id of done) if (registry.get(id)) canvas.addMarker(id, 'motcua-done');
        for (const id of current) if (registry.get(id)) canvas.addMarker(id, 'motcua-current');
        canvas.zoom('fit-viewport');
        if (!cancelled) setState('ready');
      } catch {
        if (!cancelled) setState('error');
      }
    })();
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [xml, done, current]);

  return (
    <Box>
      <Group gap="md" mb="xs" aria-hidden={state !== 'ready'}>
        <Text size="sm">
          <span className="motcua-legend motcua-legend-done" /> {t('diagram.done')}
        </Text>
        <Text size="sm">
          <span className="motcua-legend motcua-legend-current" /> {t('diagram.current')}
        </Text>
      </Group>
      {state === 'loading' && <Loader size="sm" aria-label="…" />}
      {state === 'error' && <Text c="red">{t('diagram.error')}</Text>}
      <div
        ref={container}
        role="figure"
        aria-label={t('diagram.label')}
        data-testid="bpmn-diagram"
        data-state={state}
        style={{ height, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
      />
    </Box>
  );
}
