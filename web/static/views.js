// Which screens each role has. A user sees the union over their roles, and
// only those: the server enforces the same on every route.
export const screens = {
  triage: {path: '#/triage', label: 'nav.triage', roles: ['triage']},
  desk: {path: '#/cases', label: 'nav.desk', roles: ['case_manager', 'coordinator']},
  partner: {path: '#/partner', label: 'nav.partner', roles: ['police', 'prosecutor', 'social_worker']},
  figures: {path: '#/figures', label: 'nav.figures', roles: ['coordinator', 'auditor']},
  audit: {path: '#/audit', label: 'nav.audit', roles: ['auditor']},
  admin: {path: '#/admin', label: 'nav.admin', roles: ['admin']},
};

export function screensFor(user) {
  return Object.entries(screens)
    .filter(([, screen]) => screen.roles.some((role) => user.roles.includes(role)))
    .map(([name, screen]) => ({name, ...screen}));
}

// A case page is open to the roles that read cases.
export const caseRoles = ['case_manager', 'coordinator', 'police', 'prosecutor', 'social_worker', 'triage'];
