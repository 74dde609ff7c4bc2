import { ActionIcon, AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, Title, UnstyledButton, useComputedColorScheme, VisuallyHidden, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconLogout, IconMoon, IconSun } from '@tabler/icons-react';
import { Link, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { HelpButton } from '../help/HelpButton';
import { useI18n } from '../i18n/I18nProvider';
import { EmptyState } from './EmptyState';
import { notifySuccess } from './notify';
import { pages, type PageDef } from './pages';

function visible(page: PageDef, hasRole: (...r: NonNullable<PageDef['roles']>) => boolean): boolean {
  return !page.roles || hasRole(...page.roles);
}

/** The signed-in frame: header with the user menu, navigation by role, and the page. */
export function AppLayout() {
  const { t } = useI18n();
  const { user, hasRole, logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const navigate = useNavigate();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  if (!user) return null;
  const allowed = pages.filter((p) => visible(p, hasRole));
  const navFor = (section: 'main' | 'admin') => allowed.filter((p) => p.nav?.section === section);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.toggleNav')} />
            <Title order={2} size="h4" c="blue">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate>
              {user.officeName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <HelpButton />
            <ActionIcon
              variant="subtle"
              aria-label={t('theme.toggle')}
              onClick={() => setColorScheme(computed === 'dark' ? 'light' : 'dark')}
            >
              {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
            </ActionIcon>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size="sm" radius="xl" color="blue" aria-hidden>
                      {user.name.slice(0, 1)}
                    </Avatar>
                    <Text size="sm" visibleFrom="sm" truncate maw={200}>
                      {user.name}
                    </Text>
                    {/* The name (when shown) and these words name the button; no aria-label that would hide the visible name. */}
                    <VisuallyHidden>{t('user.menu')}</VisuallyHidden>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconKey size={16} />} component={Link} to="/kata-sandi">
                  {t('user.changePassword')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  color="red"
                  onClick={async () => {
                    await logout();
                    navigate('/');
                    notifySuccess(t('user.loggedOut'));
                  }}
                >
                  {t('user.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.navigation')}>
        <ScrollArea>
          <Stack gap={2}>
            {navFor('main').map((p) => (
              <NavItem key={p.path} page={p} onNavigate={close} />
            ))}
            {/* The heading only where there is something to administer; everyone has Pengaturan. */}
            {navFor('admin').some((p) => p.roles) && (
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="md" mb={4} px="sm">
                {t('nav.section.admin')}
              </Text>
            )}
            {navFor('admin').map((p) => (
              <NavItem key={p.path} page={p} onNavigate={close} />
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Routes>
          {allowed.map((p) => (
            <Route key={p.path} path={p.path} element={p.element} />
          ))}
          <Route
            path="*"
            element={<EmptyState message={t('app.notFound')} action={<Link to="/">{t('app.backHome')}</Link>} />}
          />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}

function NavItem({ page, onNavigate }: { page: PageDef; onNavigate(): void }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const nav = page.nav!;
  const Icon = nav.icon;
  const own = page.path === '/' ? pathname === '/' : pathname === page.path || pathname.startsWith(`${page.path}/`);
  // A path another entry claims (the realisasi page under /skp/...) highlights that entry instead.
  const claimed = pages.some((p) => p !== page && p.nav?.alsoActiveOn?.test(pathname));
  const active = (own && !claimed) || !!nav.alsoActiveOn?.test(pathname);
  return (
    <Link to={page.path} onClick={onNavigate} className="nav-link" aria-current={active ? 'page' : undefined} style={{ textDecoration: 'none', color: 'inherit' }}>
      <NavLink component="span" label={t(nav.label)} leftSection={<Icon size={18} />} rightSection={nav.badge ? <NavCount useCount={nav.badge} /> : undefined} active={active} />
    </Link>
  );
}

/** The count a page's `nav.badge` hook gives, as a small red badge (nothing for 0 or null). */
function NavCount({ useCount }: { useCount: () => number | null }) {
  const count = useCount();
  if (!count) return null;
  return (
    <Badge size="sm" color="red" circle={count < 10} data-testid="nav-badge">
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
