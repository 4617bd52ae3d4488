import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { PageFallback } from './PageFallback';
import { RootLayout } from './RootLayout';
import { RouteError } from './RouteError';

// Each page is its own chunk: the overview does not pay for the tracker or the charts.
const OverviewPage = lazy(() => import('../features/kpis/OverviewPage'));
const SectorsPage = lazy(() => import('../features/sectors/SectorsPage'));
const SectorDetailPage = lazy(() => import('../features/sectors/SectorDetailPage'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage'));
const PresentationPage = lazy(() => import('../features/presentation/PresentationPage'));

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'sectors', element: <SectorsPage /> },
          { path: 'sectors/:sectorId', element: <SectorDetailPage /> },
          { path: 'projects', element: <ProjectsPage /> },
          { path: 'projects/:projectId', element: <ProjectDetailPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      {
        path: 'present',
        element: (
          <Suspense fallback={<PageFallback />}>
            <PresentationPage />
          </Suspense>
        ),
      },
    ],
  },
];
