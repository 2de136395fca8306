/** Analysts' API: deployed versions, a version's XML, deployment with findings. */
import { useQuery } from '@tanstack/react-query';
import { apiFetch, csrfToken, ApiError } from './client';
import type { Finding, ProcessDefinition } from './types';

/** GET /api/analyst/processes. */
export function useProcessDefinitions(bpmnProcessId?: string) {
  const q = bpmnProcessId ? `?bpmnProcessId=${encodeURIComponent(bpmnProcessId)}` : '';
  return useQuery({
    queryKey: ['definitions', bpmnProcessId],
    queryFn: () => apiFetch<ProcessDefinition[]>(`/analyst/processes${q}`),
  });
}

/** GET /api/analyst/processes/:key/xml (the answer is XML, not JSON). */
export async function fetchProcessXml(key: string): Promise<string> {
  const response = await fetch(`/api/analyst/processes/${key}/xml`, { credentials: 'same-origin' });
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, safeJson(text));
  return text;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The answer of a successful deployment. */
export interface DeploymentAnswer {
  deploymentKey: string;
  processes: { bpmnProcessId: string; version: number; isNew: boolean }[];
  forms: { formId: string; version: number }[];
  findings: Finding[];
}

/** POST /api/analyst/deployments (multipart); a 422 carries `findings` per element. */
export async function deploy(files: { name: string; content: string }[]): Promise<DeploymentAnswer> {
  const data = new FormData();
  for (const f of files)
    data.append('file', new Blob([f.content], { type: 'application/octet-stream' }), f.name);
  return apiFetch<DeploymentAnswer>('/analyst/deployments', {
    method: 'POST',
    body: data,
    headers: { 'x-csrf-token': await csrfToken() },
  });
}
