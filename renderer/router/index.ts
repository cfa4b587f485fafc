import type { Pinia } from 'pinia';
import { createRouter, createWebHashHistory, type Router } from 'vue-router';
import AuditPage from '../audit/AuditPage.vue';
import ComplaintListPage from '../complaints/ComplaintListPage.vue';
import ComplaintsWeeklyPage from '../complaints/ComplaintsWeeklyPage.vue';
import ConflictsPage from '../conflicts/ConflictsPage.vue';
import HomePage from '../home/HomePage.vue';
import InvoicesDeskPage from '../invoices/InvoicesDeskPage.vue';
import KbPage from '../kb/KbPage.vue';
import LoginPage from '../login/LoginPage.vue';
import OtpListPage from '../otp/OtpListPage.vue';
import OtpValidatePage from '../otp/OtpValidatePage.vue';
import PaymentsDeskPage from '../payments/PaymentsDeskPage.vue';
import SettingsPage from '../settings/SettingsPage.vue';
import SetupPage from '../setup/SetupPage.vue';
import { canOpen, type DeskId } from '../shell/desks';
import ShellLayout from '../shell/ShellLayout.vue';
import { useBranchStore } from '../stores/branch';
import { useSessionStore } from '../stores/session';
import UsersPage from '../users/UsersPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (setup, login). */
    public?: boolean;
    /** The desk whose roles may open the route. */
    desk?: DeskId;
  }
}

export function createAppRouter(pinia: Pinia): Router {
  const router = createRouter({
    // The hash keeps one build working from Electron's app scheme and from serve mode's HTTP.
    history: createWebHashHistory(),
    routes: [
      { path: '/setup', name: 'setup', component: SetupPage, meta: { public: true } },
      { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
      {
        path: '/',
        component: ShellLayout,
        children: [
          { path: '', name: 'home', component: HomePage, meta: { desk: 'home' } },
          { path: 'otp', name: 'otp', component: OtpListPage, meta: { desk: 'otp' } },
          { path: 'otp/validate', name: 'otpValidate', component: OtpValidatePage, meta: { desk: 'otpValidate' } },
          { path: 'complaints', name: 'complaints', component: ComplaintListPage, meta: { desk: 'complaints' } },
          { path: 'complaints/weekly', name: 'complaintsWeekly', component: ComplaintsWeeklyPage, meta: { desk: 'complaintsWeekly' } },
          { path: 'kb', name: 'kb', component: KbPage, meta: { desk: 'kb' } },
          // One route for the desk's five screens: the tab is in the query (?tab=mutations).
          { path: 'payments', name: 'payments', component: PaymentsDeskPage, meta: { desk: 'payments' } },
          // Tagihan: the tab and the chosen batch are in the query (?tab=list&batch=…).
          { path: 'invoices', name: 'invoices', component: InvoicesDeskPage, meta: { desk: 'invoices' } },
          { path: 'audit', name: 'audit', component: AuditPage, meta: { desk: 'audit' } },
          { path: 'conflicts', name: 'conflicts', component: ConflictsPage, meta: { desk: 'conflicts' } },
          { path: 'users', name: 'users', component: UsersPage, meta: { desk: 'users' } },
          { path: 'settings', name: 'settings', component: SettingsPage, meta: { desk: 'settings' } },
        ],
      },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach(async (to) => {
    const branch = useBranchStore(pinia);
    const session = useSessionStore(pinia);
    if (branch.state !== 'ready') await branch.loadStatus();
    // The app shows its own "cannot reach" page; nothing to route to.
    if (branch.state === 'unavailable') return true;
    if (!branch.initialized) return to.name === 'setup' ? true : { name: 'setup' };
    if (to.name === 'setup') return { name: 'login' };
    if (to.meta.public) {
      if (to.name === 'login' && session.user) return { name: 'home' };
      return true;
    }
    if (!session.user) await session.restore();
    if (!session.user) return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
    if (to.meta.desk && !canOpen(session.roles, to.meta.desk)) return { name: 'home' };
    return true;
  });

  return router;
}
