import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, createRoutesFromElements, Route } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { RequireSignIn } from './auth/session';
import { startFirstScreen } from './first-screen';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';

dayjs.locale('vi');

const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const HeatmapPage = lazy(() => import('./pages/heatmap/HeatmapPage'));
const MapPage = lazy(() => import('./pages/map/MapPage'));
const ScorecardPage = lazy(() => import('./pages/scorecard/ScorecardPage'));
const DataEntryPage = lazy(() => import('./pages/data-entry/DataEntryPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const ExcelPage = lazy(() => import('./pages/excel/ExcelPage'));
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const InboxPage = lazy(() => import('./pages/inbox/InboxPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const UnitWorkflowPage = lazy(() => import('./pages/inbox/UnitWorkflowPage'));
const ResponsibilityPage = lazy(() => import('./pages/follow-up/ResponsibilityPage'));
const WorklistPage = lazy(() => import('./pages/follow-up/WorklistPage'));
const ObstaclesPage = lazy(() => import('./pages/follow-up/ObstaclesPage'));
const PlansPage = lazy(() => import('./pages/plans/PlansPage'));
const RegistrationsPage = lazy(() => import('./pages/plans/RegistrationsPage'));
const DirectivesPage = lazy(() => import('./pages/plans/DirectivesPage'));

/** A data router, because the data-entry page blocks navigation while changes are unsaved (useBlocker). */
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      <Route
        path="dang-nhap"
        element={
          <Suspense>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSignIn>
            <AppLayout />
          </RequireSignIn>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="ma-tran" element={<HeatmapPage />} />
        <Route path="ban-do" element={<MapPage />} />
        <Route path="don-vi/:id" element={<ScorecardPage />} />
        <Route path="nhap-lieu" element={<DataEntryPage />} />
        <Route path="nhap-lieu/:id" element={<DataEntryPage />} />
        <Route path="bo-tieu-chi" element={<CatalogPage />} />
        <Route path="bo-tieu-chi/:id" element={<CatalogPage />} />
        <Route path="excel" element={<ExcelPage />} />
        <Route path="hop-thu" element={<InboxPage />} />
        <Route path="quy-trinh/:id" element={<UnitWorkflowPage />} />
        <Route path="nguoi-dung" element={<UsersPage />} />
        <Route path="nhat-ky" element={<AuditPage />} />
        <Route path="trach-nhiem" element={<ResponsibilityPage />} />
        <Route path="viec-can-lam" element={<WorklistPage />} />
        <Route path="vuong-mac" element={<ObstaclesPage />} />
        <Route path="ke-hoach" element={<PlansPage />} />
        <Route path="dang-ky" element={<RegistrationsPage />} />
        <Route path="chi-dao" element={<DirectivesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </>,
  ),
);

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
});
startFirstScreen(queryClient, window.location);

function Localised() {
  const { language } = useI18n();
  return (
    <ConfigProvider
      locale={language === 'vi' ? viVN : enUS}
      theme={{ token: { colorPrimary: '#1f7a4d' }, zeroRuntime: true }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </QueryClientProvider>
  );
}
