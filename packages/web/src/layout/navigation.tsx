import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  ControlOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FlagOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@pcd/core';
import type { ReactNode } from 'react';

export type NavKey =
  | 'dashboard'
  | 'units'
  | 'people'
  | 'arrivals'
  | 'checkpoints'
  | 'sweeps'
  | 'cases'
  | 'contacts'
  | 'quarantine'
  | 'care'
  | 'lockdown'
  | 'testing'
  | 'vaccination'
  | 'rules'
  | 'levels'
  | 'capacity'
  | 'teams'
  | 'support'
  | 'directives'
  | 'reports'
  | 'users'
  | 'audit';

export interface NavEntry {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Hidden from the menu without it; the server refuses the data anyway. */
  permission?: Permission;
  /** False while the capability is not in service: the route shows the under-construction page. */
  ready: boolean;
}

/** The side menu in the order a command center works: area, people, cases, response, then reporting. */
export const MAIN_NAV: NavEntry[] = [
  { key: 'dashboard', path: '/', icon: <DashboardOutlined />, ready: true },
  { key: 'units', path: '/units', icon: <ApartmentOutlined />, permission: 'units.read', ready: true },
  { key: 'people', path: '/people', icon: <TeamOutlined />, permission: 'personal.read', ready: true },
  // Observers too: epidemic zones and checkpoint counts are not personal data (the server trims the rest).
  { key: 'arrivals', path: '/arrivals', icon: <SolutionOutlined />, permission: 'units.read', ready: true },
  { key: 'checkpoints', path: '/checkpoints', icon: <EnvironmentOutlined />, permission: 'units.read', ready: true },
  // Every role takes part: staff plan, team members visit, observers follow the counts (the server trims each view).
  { key: 'sweeps', path: '/sweeps', icon: <HomeOutlined />, permission: 'units.read', ready: true },
  // Observers see the daily figures here; the routes keep case records from them.
  { key: 'cases', path: '/cases', icon: <AlertOutlined />, permission: 'units.read', ready: true },
  { key: 'contacts', path: '/contacts', icon: <NodeIndexOutlined />, permission: 'personal.read', ready: true },
  { key: 'quarantine', path: '/quarantine', icon: <SafetyCertificateOutlined />, permission: 'personal.read', ready: true },
  { key: 'care', path: '/care', icon: <HeartOutlined />, permission: 'personal.read', ready: true },
  // Zones name places, not people: observers follow them and the share tested too.
  { key: 'lockdown', path: '/lockdown', icon: <StopOutlined />, permission: 'units.read', ready: true },
  // Observers too: the figures tab is numbers only (the server keeps samples and people from them).
  { key: 'testing', path: '/testing', icon: <ExperimentOutlined />, permission: 'units.read', ready: true },
  // Observers too: coverage and targets are figures only (the server keeps doses and people from them).
  { key: 'vaccination', path: '/vaccination', icon: <MedicineBoxOutlined />, permission: 'units.read', ready: true },
  // Everyone reads the rules in force (no personal data); provinces and districts edit theirs.
  { key: 'rules', path: '/rules', icon: <ControlOutlined />, permission: 'units.read', ready: true },
  { key: 'levels', path: '/levels', icon: <FlagOutlined />, ready: false },
  { key: 'capacity', path: '/capacity', icon: <ContainerOutlined />, ready: false },
  { key: 'teams', path: '/teams', icon: <UsergroupAddOutlined />, ready: false },
  { key: 'support', path: '/support', icon: <GiftOutlined />, ready: false },
  { key: 'directives', path: '/directives', icon: <CarryOutOutlined />, ready: false },
  { key: 'reports', path: '/reports', icon: <FileTextOutlined />, ready: false },
];

export const ADMIN_NAV: NavEntry[] = [
  { key: 'users', path: '/admin/users', icon: <UserOutlined />, permission: 'users.manage', ready: true },
  { key: 'audit', path: '/admin/audit', icon: <AuditOutlined />, permission: 'audit.read', ready: true },
];

/** The entry whose path is the longest prefix of the current location, so sub-pages keep their menu item lit. */
export function activeNavKey(pathname: string): NavKey | undefined {
  let best: NavEntry | undefined;
  for (const entry of [...MAIN_NAV, ...ADMIN_NAV]) {
    const matches = entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best?.key;
}
