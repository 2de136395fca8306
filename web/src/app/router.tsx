/**
 * The routes of the web app. The citizen home page is bundled with the shell; every other page is a lazy
 * route (`lazy: () => import(...)`), so heavy parts (the BPMN modeler, forms, charts) never weigh on the
 * first page. Role areas guard themselves with RequireRole inside the page module.
 */
import { createBrowserRouter } from 'react-router';
import { PublicLayout } from '../components/PublicLayout';
import { HomePage } from '../features/citizen/home/HomePage';

type PageModule = { default: React.ComponentType };
const page = (load: () => Promise<PageModule>) => async () => ({ Component: (await load()).default });

/** The router of the whole app. */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'thu-tuc/:id', lazy: page(() => import('../features/citizen/procedure/ProcedurePage')) },
      { path: 'thu-tuc/:id/nop-ho-so', lazy: page(() => import('../features/citizen/submit/SubmitPage')) },
      { path: 'bien-nhan/:code', lazy: page(() => import('../features/citizen/receipt/ReceiptPage')) },
      { path: 'ho-so-cua-toi', lazy: page(() => import('../features/citizen/my-dossiers/MyDossiersPage')) },
      { path: 'tra-cuu', lazy: page(() => import('../features/citizen/tracking/TrackingPage')) },
      { path: 'dang-nhap', lazy: page(() => import('../features/auth/LoginPage')) },
      { path: 'can-bo', lazy: page(() => import('../features/officer/inbox/InboxPage')) },
      { path: 'can-bo/tiep-nhan', lazy: page(() => import('../features/officer/paper/PaperIntakePage')) },
      { path: 'can-bo/viec/:key', lazy: page(() => import('../features/officer/task/TaskPage')) },
      { path: 'can-bo/ho-so/:code', lazy: page(() => import('../features/officer/dossier/DossierPage')) },
      { path: 'phan-tich', lazy: page(() => import('../features/analyst/models/ModelsPage')) },
      {
        path: 'phan-tich/mo-hinh/:bpmnProcessId',
        lazy: page(() => import('../features/analyst/modeler/ModelerPage')),
      },
      {
        path: 'phan-tich/bieu-mau',
        lazy: page(() => import('../features/analyst/form-editor/FormEditorPage')),
      },
      { path: 'quan-ly', lazy: page(() => import('../features/manager/dashboard/DashboardPage')) },
      { path: 'quan-tri', lazy: page(() => import('../features/admin/AdminPage')) },
      { path: 'quan-tri/dong-bo-dvcqg', lazy: page(() => import('../features/admin/DvcqgSyncPage')) },
      { path: '*', lazy: page(() => import('./NotFoundPage')) },
    ],
  },
]);
