import { Layout, Menu, Select, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { UserMenu } from '../auth/UserMenu';
import { DemoBadge } from '../components/DemoBadge';
import { type Language, useI18n } from '../i18n';
import { selectableYears, useScope } from '../scope';
import { UnitSearch } from './UnitSearch';

const menu = [
  { path: '/', key: 'menuDashboard' },
  { path: '/ma-tran', key: 'menuHeatmap' },
  { path: '/ban-do', key: 'menuMap' },
  { path: '/nhap-lieu', key: 'menuDataEntry' },
  { path: '/bo-tieu-chi', key: 'menuCatalog' },
  { path: '/excel', key: 'menuExcel' },
] as const;

/** Pages of the accounts and the workflow; the admin alone manages users and reads the whole log. */
const accountMenu = [
  { path: '/hop-thu', key: 'menu.inbox', adminOnly: false },
  { path: '/nguoi-dung', key: 'menu.users', adminOnly: true },
  { path: '/nhat-ky', key: 'menu.audit', adminOnly: true },
] as const;

export function AppLayout() {
  const { t, language, setLanguage } = useI18n();
  const { year, setYear } = useScope();
  const location = useLocation();
  const user = useCurrentUser();
  const items = [...menu, ...accountMenu.filter((m) => !m.adminOnly || user?.role === 'province_admin')];
  // A page outside the menu (a scorecard) highlights nothing rather than the overview.
  const selected =
    location.pathname === '/'
      ? '/'
      : (items.find((m) => m.path !== '/' && location.pathname.startsWith(m.path))?.path ?? '');
  const keepScope = location.search;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Wraps onto a second row on a phone instead of widening the page (the scorecard must fit 390 px). */}
      <Layout.Header
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          columnGap: 16,
          height: 'auto',
          minHeight: 64,
          paddingInline: 16,
        }}
      >
        <Link to={`/${keepScope}`} style={{ color: '#fff', fontWeight: 600, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Link>
        <DemoBadge />
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          // Its own row under the tools, so every page stays visible at 1366 px instead of folding into "…".
          style={{ order: 1, flexBasis: '100%', minWidth: 0, lineHeight: '46px' }}
          items={items.map((m) => ({
            key: m.path,
            label: <Link to={`${m.path}${keepScope}`}>{t(m.key)}</Link>,
          }))}
        />
        <Space wrap style={{ marginLeft: 'auto' }}>
          <UnitSearch />
          <Select
            aria-label={t('year')}
            value={year}
            onChange={setYear}
            style={{ width: 90 }}
            options={selectableYears.map((y) => ({ value: y, label: String(y) }))}
          />
          <Select<Language>
            aria-label={t('language')}
            value={language}
            onChange={setLanguage}
            style={{ width: 70 }}
            options={[
              { value: 'vi', label: 'VI' },
              { value: 'en', label: 'EN' },
            ]}
          />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Typography.Text>{t('loading')}</Typography.Text>}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
