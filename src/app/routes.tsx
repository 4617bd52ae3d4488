import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { PageFallback } from './PageFallback';
import { pages } from './pages';
import { RootLayout } from './RootLayout';

const OverviewPage = pages.overview.Component;
const SectorsPage = pages.sectors.Component;
const SectorDetailPage = pages.sectorDetail.Component;
const ProjectsPage = pages.projects.Component;
const ProjectDetailPage = pages.projectDetail.Component;
const BriefingPage = pages.briefing.Component;
const PresentationPage = pages.presentation.Component;
const AdminPage = pages.admin.Component;

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
          <Route path="briefing" element={<BriefingPage />} />
          <Route path="admin" element={<AdminPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
        <Route
          path="present"
          element={
            <Suspense fallback={<PageFallback />}>
              <PresentationPage />
            </Suspense>
          }
        />
      </Route>
    </Routes>
  );
}
