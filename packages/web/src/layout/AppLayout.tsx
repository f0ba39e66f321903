import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Select, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { UserMenu } from '../auth/UserMenu';
import { DemoBadge } from '../components/DemoBadge';
import { type Language, type MessageKey, useI18n } from '../i18n';
import { selectableYears, useScope } from '../scope';
import { UnitSearch } from './UnitSearch';

interface Page {
  path: string;
  key: MessageKey;
  adminOnly?: boolean;
}

type MenuItem = NonNullable<MenuProps['items']>[number];

type MenuEntry = Page | { group: MessageKey; pages: readonly Page[] };

/**
 * The pages, grouped by the job they serve so the header keeps one row of eight entries at
 * 1366 px: following the numbers, planning the year, chasing what is unmet, the data itself.
 */
const menu: readonly MenuEntry[] = [
  { path: '/', key: 'menuDashboard' },
  { path: '/ma-tran', key: 'menuHeatmap' },
  { path: '/ban-do', key: 'menuMap' },
  {
    group: 'menuGroupPlans',
    pages: [
      { path: '/ke-hoach', key: 'menuPlans' },
      { path: '/dang-ky', key: 'menuRegistrations' },
      { path: '/chi-dao', key: 'menuDirectives' },
    ],
  },
  {
    group: 'menuGroupFollowUp',
    pages: [
      { path: '/viec-can-lam', key: 'menuWorklist' },
      { path: '/vuong-mac', key: 'menuObstacles' },
      { path: '/trach-nhiem', key: 'menuResponsibility' },
    ],
  },
  {
    group: 'menuGroupData',
    pages: [
      { path: '/nhap-lieu', key: 'menuDataEntry' },
      { path: '/excel', key: 'menuExcel' },
      { path: '/bo-tieu-chi', key: 'menuCatalog' },
    ],
  },
  { path: '/hop-thu', key: 'menu.inbox' },
  {
    group: 'menuGroupAdmin',
    pages: [
      { path: '/nguoi-dung', key: 'menu.users', adminOnly: true },
      { path: '/nhat-ky', key: 'menu.audit', adminOnly: true },
    ],
  },
];

export function AppLayout() {
  const { t, language, setLanguage } = useI18n();
  const { year, setYear } = useScope();
  const location = useLocation();
  const user = useCurrentUser();
  const visible = (p: Page) => !p.adminOnly || user?.role === 'province_admin';
  const items = menu.flatMap((entry) => ('group' in entry ? entry.pages : [entry])).filter(visible);
  // A page outside the menu (a scorecard) highlights nothing rather than the overview.
  const selected =
    location.pathname === '/'
      ? '/'
      : (items.find((m) => m.path !== '/' && location.pathname.startsWith(m.path))?.path ?? '');
  const keepScope = location.search;
  const screens = Grid.useBreakpoint();
  // One row on a phone: the pages, the unit search and the account go into a drawer.
  const phone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pageItem = (p: Page) => ({
    key: p.path,
    label: <Link to={`${p.path}${keepScope}`}>{t(p.key)}</Link>,
  });
  const menuItems: MenuItem[] = menu.flatMap((entry): MenuItem[] => {
    if (!('group' in entry)) return [pageItem(entry)];
    const pages = entry.pages.filter(visible);
    return pages.length === 0
      ? []
      : [{ key: entry.group, label: t(entry.group), children: pages.map(pageItem) }];
  });
  const yearSelect = (
    <Select
      aria-label={t('year')}
      value={year}
      onChange={setYear}
      style={{ width: phone ? 76 : 90 }}
      options={selectableYears.map((y) => ({ value: y, label: String(y) }))}
    />
  );
  const languageSelect = (
    <Select<Language>
      aria-label={t('language')}
      value={language}
      onChange={setLanguage}
      style={{ width: phone ? 62 : 70 }}
      options={[
        { value: 'vi', label: 'VI' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Layout.Header
          data-testid="app-header"
          style={{ display: 'flex', alignItems: 'center', gap: 8, height: 56, paddingInline: 12 }}
        >
          <Button
            type="text"
            aria-label={t('menuOpen')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            style={{ color: '#fff', fontSize: 20, paddingInline: 6 }}
            data-testid="menu-toggle"
          >
            ☰
          </Button>
          <DemoBadge />
          <Space size={6} style={{ marginLeft: 'auto' }}>
            {yearSelect}
            {languageSelect}
          </Space>
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={300}
            title={
              <Link to={`/${keepScope}`} onClick={() => setDrawerOpen(false)}>
                {t('appName')}
              </Link>
            }
            styles={{ body: { padding: 12 } }}
          >
            <Flex vertical gap={12}>
              <UnitSearch />
              <Menu
                mode="inline"
                selectedKeys={[selected]}
                defaultOpenKeys={menu.flatMap((entry) => ('group' in entry ? [entry.group] : []))}
                onClick={() => setDrawerOpen(false)}
                items={menuItems}
                style={{ borderInlineEnd: 'none' }}
              />
              {/* The account button is drawn for the dark header. */}
              <div style={{ background: '#001529', borderRadius: 6, padding: 4 }}>
                <UserMenu />
              </div>
            </Flex>
          </Drawer>
        </Layout.Header>
      ) : (
        <Layout.Header
          data-testid="app-header"
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
            // Its own row under the tools, so every entry stays visible at 1366 px instead of folding into "…".
            style={{ order: 1, flexBasis: '100%', minWidth: 0, lineHeight: '46px' }}
            items={menuItems}
          />
          <Space wrap style={{ marginLeft: 'auto' }}>
            <UnitSearch />
            {yearSelect}
            {languageSelect}
            <UserMenu />
          </Space>
        </Layout.Header>
      )}
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Typography.Text>{t('loading')}</Typography.Text>}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
