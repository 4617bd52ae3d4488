import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout';
import { IgnoredParamsNotice } from './IgnoredParamsNotice';
import { NotFoundPage } from './NotFoundPage';
import { PageFallback } from './PageFallback';
import { RootLayout } from './RootLayout';

// Each page is its own chunk: the overview does not pay for the tracker or the charts.
const OverviewPage = lazy(() => import('../features/kpis/OverviewPage'));
const SectorsPage = lazy(() => import('../features/sectors/SectorsPage'));
const SectorDetailPage = lazy(() => import('../features/sectors/SectorDetailPage'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage'));
const PresentationPage = lazy(() => import('../features/presentation/PresentationPage'));

/**
 * The route tree. Declarative routes (not the data router): the app loads its data with
 * TanStack Query, so the data router's loaders would be dead weight in the initial bundle.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<RootLayout />}>
        <Route element={<AppLayout />}>
          <Route index element={<OverviewPage />} />
          <Route path="sectors" element={<SectorsPage />} />
          <Route path="sectors/:sectorId" element={<SectorDetailPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:projectId" element={<ProjectDetailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route
          path="present"
          element={
            <Suspense fallback={<PageFallback />}>
              <PresentationPage />
              <IgnoredParamsNotice overlay autoHideMs={15_000} />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}
