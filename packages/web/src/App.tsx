import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
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

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
});

function Localised() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'vi' ? viVN : enUS} theme={{ token: { colorPrimary: '#1f7a4d' } }}>
      <AntApp>
        <BrowserRouter>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<DashboardPage />} />
              <Route path="ma-tran" element={<HeatmapPage />} />
              <Route path="ban-do" element={<MapPage />} />
              <Route path="don-vi/:id" element={<ScorecardPage />} />
              <Route path="nhap-lieu" element={<DataEntryPage />} />
              <Route path="nhap-lieu/:id" element={<DataEntryPage />} />
              <Route path="bo-tieu-chi" element={<CatalogPage />} />
              <Route path="bo-tieu-chi/:id" element={<CatalogPage />} />
              <Route path="excel" element={<ExcelPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
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
