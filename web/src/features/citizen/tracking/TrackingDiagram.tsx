/**
 * The process diagram for the applicant. The API has no public route for it yet: this asks the documented
 * shape GET /api/tracking/:code/diagram?secret= → { xml, completedElements, activeElements } and says
 * plainly when it is unavailable.
 */
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../../api/client';
import { BpmnDiagram } from '../../../components/BpmnDiagram';

interface DiagramAnswer {
  xml: string;
  completedElements: string[];
  activeElements: string[];
}

/** Diagram with done / current steps, or a short note. */
export function TrackingDiagram({
  code,
  secret,
  current,
}: {
  code: string;
  secret: string;
  current: string | null;
}) {
  const { t } = useTranslation();
  const { data, isError } = useQuery({
    queryKey: ['tracking-diagram', code, secret],
    queryFn: () =>
      apiFetch<DiagramAnswer>(
        `/tracking/${encodeURIComponent(code)}/diagram?secret=${encodeURIComponent(secret)}`,
      ),
    retry: false,
  });
  if (isError)
    return (
      <Text size="sm" c="dark.5">
        {t('diagram.unavailable')}
      </Text>
    );
  if (!data) return null;
  const active = data.activeElements.length ? data.activeElements : current ? [current] : [];
  return <BpmnDiagram xml={data.xml} done={data.completedElements} current={active} />;
}
