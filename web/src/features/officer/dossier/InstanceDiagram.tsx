/** The dossier's process diagram for officers: the main instance's XML with done and active elements. */
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchProcessXml } from '../../../api/analyst';
import { useInstance } from '../../../api/dossiers';
import { BpmnDiagram } from '../../../components/BpmnDiagram';

/** Diagram, or a note when the XML is not readable for this role (the XML route is for analysts/managers). */
export function InstanceDiagram({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data: instances } = useInstance(code);
  const main = instances?.[0];
  const xml = useQuery({
    queryKey: ['xml', main?.processDefinitionKey],
    queryFn: () => fetchProcessXml(main?.processDefinitionKey ?? ''),
    enabled: !!main,
    retry: false,
    staleTime: Infinity,
  });
  if (xml.isError)
    return (
      <Text size="sm" c="dark.5">
        {t('diagram.unavailable')}
      </Text>
    );
  if (!main || !xml.data) return null;
  const done = instances.flatMap((i) => [...i.completedElements, ...i.takenFlows]);
  const active = instances.flatMap((i) => i.activeElements);
  return <BpmnDiagram xml={xml.data} done={done} current={active} />;
}
