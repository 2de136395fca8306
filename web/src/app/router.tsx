/**
 * The routes of the web app. The citizen home page is bundled with the shell; every other page is a lazy
 * route (`lazy: () => import(...)`), so heavy parts (the BPMN modeler, forms, charts) never weigh on the
 * first page. Role areas (officer, analyst, manager) will be added as further layout routes.
 */
import { createBrowserRouter } from 'react-router';
import { PublicLayout } from '../components/PublicLayout';
import { HomePage } from '../features/citizen/home/HomePage';

/** The router of the whole app. */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: '*', lazy: async () => ({ Component: (await import('./NotFoundPage')).default }) },
    ],
  },
]);
