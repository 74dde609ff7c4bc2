import { IconCalendarStats, IconChartBar, IconChecklist, IconClipboardCheck, IconDatabase, IconFileCheck, IconHierarchy3, IconHome, IconRefresh, IconLayoutDashboard, IconReportAnalytics, IconSettings, IconShieldCheck, IconUsers, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { IconAddressBook, IconAlertTriangle, IconBinaryTree2, IconBriefcase, IconBuildingCommunity, IconUsb } from '@tabler/icons-react';
import { IconCalendarUser, IconMessageCircle, IconMessages, IconProgressCheck, IconScale } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/roles';
import { AppealPage } from '../appeal/AppealPage';
import { AuditPage } from '../audit/AuditPage';
import { AccountsPage } from '../accounts/AccountsPage';
import { BackupPage } from '../backup/BackupPage';
import { SyncPage } from '../sync/SyncPage';
import { BundlePage } from '../central/BundlePage';
import { KantorPage } from '../central/KantorPage';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { DialoguePage } from '../dialogue/DialoguePage';
import { DistributionPage } from '../distribution/DistributionPage';
import { EvaluationListPage } from '../evaluation/EvaluationListPage';
import { EvaluationPage } from '../evaluation/EvaluationPage';
import { FeedbackPage } from '../feedback/FeedbackPage';
import { useUnreadFeedbackCount } from '../feedback/unread';
import { HomePage } from '../home/HomePage';
import type { MessageKey } from '../i18n/catalog';
import { PositionsPage } from '../org/PositionsPage';
import { UnitsPage } from '../org/UnitsPage';
import { EmployeePage } from '../people/EmployeePage';
import { ImportPage } from '../people/ImportPage';
import { PeoplePage } from '../people/PeoplePage';
import { ProblemsPage } from '../people/ProblemsPage';
import { MyRealisasiPage, RealisasiIndexPage, RealisasiPage } from '../realisasi/RealisasiPage';
import { DashboardPage } from '../reports/DashboardPage';
import { MyYearPage } from '../reports/MyYearPage';
import { TeamPage } from '../reports/TeamPage';
import { useAppealCount, useDialogueCount, useEvaluationCount, useSkpInboxCount } from '../reports/waiting';
import { SettingsPage } from '../settings/SettingsPage';
import { CascadeTreePage } from '../skp/CascadeTreePage';
import { InboxPage } from '../skp/InboxPage';
import { MonitorPage } from '../skp/MonitorPage';
import { MySkpPage } from '../skp/MySkpPage';
import { SkpPage } from '../skp/SkpPage';
import { YearsPage } from '../year/YearsPage';

export interface PageDef {
  path: string;
  element: ReactNode;
  /** Shown to users with any of these roles; omitted = everyone signed in. Enforced again by the backend. */
  roles?: Role[];
  /** Present when the page has a navigation entry. */
  nav?: {
    label: MessageKey;
    icon: Icon;
    section: 'main' | 'admin';
    /** A hook giving a count shown next to the entry (e.g. unread feedback); null or 0 shows nothing. */
    badge?: () => number | null;
    /** Pages under another entry's path that belong to this one (a realisasi lives under /skp/:id). */
    alsoActiveOn?: RegExp;
  };
}

/** Every screen of the app, in navigation order. Capabilities add their pages here. */
export const pages: PageDef[] = [
  { path: '/', element: <HomePage />, nav: { label: 'nav.home', icon: IconHome, section: 'main' } },
  { path: '/tahun-saya', element: <MyYearPage />, nav: { label: 'nav.myYear', icon: IconCalendarUser, section: 'main' } },
  { path: '/skp', element: <MySkpPage />, nav: { label: 'nav.skp', icon: IconChecklist, section: 'main' } },
  { path: '/skp/:skpId', element: <SkpPage /> },
  { path: '/realisasi', element: <MyRealisasiPage />, nav: { label: 'nav.realisasi', icon: IconProgressCheck, section: 'main', alsoActiveOn: /^\/skp\/[^/]+\/realisasi(\/|$)/ } },
  { path: '/skp/:skpId/realisasi', element: <RealisasiIndexPage /> },
  { path: '/skp/:skpId/realisasi/:period', element: <RealisasiPage /> },
  { path: '/umpan-balik', element: <FeedbackPage />, nav: { label: 'nav.feedback', icon: IconMessageCircle, section: 'main', badge: useUnreadFeedbackCount } },
  { path: '/dialog', element: <DialoguePage />, nav: { label: 'nav.dialogue', icon: IconMessages, section: 'main', badge: useDialogueCount } },
  { path: '/keberatan', element: <AppealPage />, nav: { label: 'nav.appeal', icon: IconScale, section: 'main', badge: useAppealCount } },
  { path: '/persetujuan-skp', element: <InboxPage />, roles: ['penilai'], nav: { label: 'nav.skpInbox', icon: IconFileCheck, section: 'main', badge: useSkpInboxCount } },
  { path: '/pemantauan-skp', element: <MonitorPage />, roles: ['pengelola', 'penilai'], nav: { label: 'nav.skpMonitor', icon: IconReportAnalytics, section: 'main' } },
  { path: '/cascading', element: <CascadeTreePage />, roles: ['pengelola', 'penilai'], nav: { label: 'nav.skpTree', icon: IconHierarchy3, section: 'main' } },
  { path: '/tim', element: <TeamPage />, roles: ['penilai'], nav: { label: 'nav.team', icon: IconUsersGroup, section: 'main' } },
  { path: '/penilaian', element: <EvaluationListPage />, roles: ['penilai'], nav: { label: 'nav.evaluation', icon: IconClipboardCheck, section: 'main', badge: useEvaluationCount } },
  { path: '/penilaian/:skpId/:period', element: <EvaluationPage /> },
  { path: '/kurva-distribusi', element: <DistributionPage />, roles: ['pengelola', 'penilai', 'admin_pusat'], nav: { label: 'nav.distribution', icon: IconChartBar, section: 'main' } },
  { path: '/dasbor', element: <DashboardPage />, roles: ['pengelola'], nav: { label: 'nav.dashboard', icon: IconLayoutDashboard, section: 'main' } },
  { path: '/pegawai', element: <PeoplePage />, roles: ['pengelola', 'admin_pusat'], nav: { label: 'nav.people', icon: IconAddressBook, section: 'admin' } },
  { path: '/pegawai/impor', element: <ImportPage />, roles: ['pengelola'] },
  { path: '/pegawai/:id', element: <EmployeePage /> },
  { path: '/unit-kerja', element: <UnitsPage />, roles: ['pengelola', 'admin_pusat'], nav: { label: 'nav.units', icon: IconBinaryTree2, section: 'admin' } },
  { path: '/jabatan', element: <PositionsPage />, roles: ['pengelola', 'admin_pusat'], nav: { label: 'nav.positions', icon: IconBriefcase, section: 'admin' } },
  { path: '/masalah-penilai', element: <ProblemsPage />, roles: ['pengelola', 'admin_pusat'], nav: { label: 'nav.problems', icon: IconAlertTriangle, section: 'admin' } },
  { path: '/tahun-penilaian', element: <YearsPage />, roles: ['pengelola'], nav: { label: 'nav.years', icon: IconCalendarStats, section: 'admin' } },
  { path: '/akun', element: <AccountsPage />, roles: ['pengelola'], nav: { label: 'nav.accounts', icon: IconUsers, section: 'admin' } },
  { path: '/audit', element: <AuditPage />, roles: ['pengelola', 'admin_pusat'], nav: { label: 'nav.audit', icon: IconShieldCheck, section: 'admin' } },
  { path: '/cadangan', element: <BackupPage />, roles: ['pengelola'], nav: { label: 'nav.backup', icon: IconDatabase, section: 'admin' } },
  { path: '/kantor', element: <KantorPage />, roles: ['admin_pusat'], nav: { label: 'nav.offices', icon: IconBuildingCommunity, section: 'admin' } },
  { path: '/impor-bundel', element: <BundlePage />, roles: ['admin_pusat'], nav: { label: 'nav.bundleImport', icon: IconUsb, section: 'admin' } },
  { path: '/sinkronisasi', element: <SyncPage />, roles: ['pengelola'], nav: { label: 'nav.sync', icon: IconRefresh, section: 'admin' } },
  { path: '/pengaturan', element: <SettingsPage />, nav: { label: 'nav.settings', icon: IconSettings, section: 'admin' } },
  { path: '/kata-sandi', element: <ChangePasswordPage /> },
];
