import { onDemand } from './onDemand';

/*
 * Everything that is not the map, loaded the first time it is shown (React.lazy).
 * Importing from here instead of the feature keeps those features out of the first-load bundle;
 * tests/integration/firstLoad.test.ts holds the size of what a board's first load needs.
 */
export const OutlineView = onDemand(() => import('../outline/OutlineView').then((m) => m.OutlineView));
export const PlanView = onDemand(() => import('../plan/PlanView').then((m) => m.PlanView));
export const ChildVoiceView = onDemand(() => import('../child/ChildVoiceView').then((m) => m.ChildVoiceView));
export const ScalesView = onDemand(() => import('../scales/ScalesView').then((m) => m.ScalesView));
export const AuditView = onDemand(() => import('../audit/AuditView').then((m) => m.AuditView));
export const MeetingsView = onDemand(() => import('../versions/MeetingsView').then((m) => m.MeetingsView));
export const ReportsView = onDemand(() => import('../reports/ReportsView').then((m) => m.ReportsView));
export const InvitePanel = onDemand(() => import('../access/InvitePanel').then((m) => m.InvitePanel));
export const Landing = onDemand(() => import('../accounts/Landing').then((m) => m.Landing));
export const JoinPage = onDemand(() => import('../accounts/JoinPage').then((m) => m.JoinPage));
export const SetupPage = onDemand(() => import('../accounts/SetupPage').then((m) => m.SetupPage));
export const StaffPage = onDemand(() => import('../accounts/StaffPage').then((m) => m.StaffPage));
