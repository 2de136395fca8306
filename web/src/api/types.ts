/** Shapes of the API answers the pages use (mirroring the TypeBox schemas of api/src/modules). */

/** One facet value with its count. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** One row of the catalogue search. */
export interface ProcedureSummary {
  id: string;
  name: string;
  nationalCode: string | null;
  localCode: string | null;
  field: string;
  agency: { code: string; name: string };
  tier: string;
  serviceLevel: number;
  scope: string | null;
  channels: string[];
  dayKind: string;
  daysPaper: number | null;
  daysOnline: number | null;
}

/** GET /api/procedures. */
export interface SearchAnswer {
  items: ProcedureSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets?: { agencies: FacetValue[]; fields: FacetValue[]; levels: FacetValue[] };
}

/** GET /api/procedures/:id. */
export interface ProcedureDetail extends ProcedureSummary {
  applicantTypes: string[];
  documents: {
    name: string;
    required: boolean;
    originals?: number;
    copies?: number;
    formId?: string;
    note?: string;
  }[];
  fees: { kind: 'phi' | 'le-phi'; amount: number; channel: string; timing: string; description?: string }[];
  legalBasis: string[];
  forms: { id: string; name: string; fileName: string; mediaType: string }[];
  variants: { id: string; name: string; bpmnProcessId: string }[];
  steps: string[];
  result: string | null;
  conditions: string | null;
}

/** One status change of a dossier. */
export interface HistoryItem {
  status: number;
  label: string;
  fromStatus: number | null;
  elementId: string | null;
  actor: string | null;
  at: string;
  dueAt: string | null;
  note: string | null;
}

/** A dossier as the API shows it to its applicant and officers. */
export interface Dossier {
  code: string;
  agencyCode: string;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  variantKey: string;
  status: number | null;
  statusLabel: string;
  lifecycle: string;
  channel: string;
  deliveryMethod: string;
  applicant: {
    type: string;
    name: string;
    idNumber: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
  };
  formData: Record<string, unknown>;
  submittedAt: string;
  receivedAt: string | null;
  appointmentAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  currentStep: string | null;
  processInstanceKey: string | null;
  processVersion: number | null;
  stopReason: string | null;
}

/** GET /api/dossiers/:code. */
export interface DossierDetail extends Dossier {
  history: HistoryItem[];
}

/** GET /api/tracking/:code. */
export interface TrackingAnswer {
  code: string;
  procedureName: string;
  status: number | null;
  statusLabel: string;
  submittedAt: string;
  appointmentAt: string | null;
  currentStep: string | null;
  history: HistoryItem[];
}

/** An uploaded file. */
export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  purpose: string;
  createdAt: string;
}

/** An issued document (Mẫu 01-04, result). */
export interface DossierDocument {
  id: string;
  kind: string;
  number: string;
  createdAt: string;
  hasPdf: boolean;
}

/** Deadline state of a task. */
export type Lateness = 'overdue' | 'near-due' | 'not-due';

/** One task of the inbox. */
export interface TaskItem {
  key: string;
  name: string;
  elementId: string;
  bpmnProcessId: string;
  state: string;
  assignee: string | null;
  candidateGroups: string[];
  priority: number;
  createdAt: string;
  dueDate: string | null;
  remainingWorkingMinutes: number | null;
  lateness: Lateness | null;
  formKey: string | null;
  dossier: {
    code: string;
    procedureId: string;
    procedureName: string;
    applicantName: string;
    status: number | null;
    statusLabel: string;
    agencyCode: string;
    dueAt: string | null;
  } | null;
}

/** GET /api/tasks/:key. */
export interface TaskDetail extends TaskItem {
  form: FormSchema | null;
}

/** A form-js schema (only what the pages read). */
export interface FormSchema {
  id?: string;
  components: FormComponent[];
  [key: string]: unknown;
}

/** A form-js component (only what the pages read). */
export interface FormComponent {
  type: string;
  key?: string;
  label?: string;
  values?: { label: string; value: string }[];
  components?: FormComponent[];
  [key: string]: unknown;
}

/** Elements of one process instance, for diagram highlighting. */
export interface InstanceView {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: string;
  activeElements: string[];
  completedElements: string[];
  takenFlows: string[];
}

/** A deployed process version. */
export interface ProcessDefinition {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  deploymentKey: string;
  createdAt: number;
}

/** A lint or engine finding on a model element. */
export interface Finding {
  resourceName?: string;
  elementId: string | null;
  rule: string;
  category: string;
  message: string;
}

/** An engine incident. */
export interface Incident {
  incidentKey: string;
  state: string;
  errorType: string;
  errorMessage: string;
  processInstanceKey: string;
  elementId: string;
  bpmnProcessId: string;
  jobKey: string | null;
  creationTime: number | string;
  dossierCode: string | null;
}

/** An account as administrators see it. */
export interface Account {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  citizenId: string | null;
  roles: string[];
  memberships: { agencyCode: string; role: string }[];
  disabled: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  lastLoginAt: string | null;
}

/** An agency period. */
export interface Agency {
  id: string;
  code: string;
  name: string;
  slug?: string;
  shortName?: string | null;
  tier?: string;
  parentCode?: string | null;
  adminUnitId?: string | null;
  validFrom?: string;
  validTo?: string | null;
  legalBasis?: string | null;
}

/** Per-agency statistics (documented shape; see the report: route missing). */
export interface AgencyStats {
  agencyCode: string;
  agencyName: string;
  received: number;
  inProgress: number;
  onTime: number;
  late: number;
}
