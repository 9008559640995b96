// The shell: log-in (or resuming the session after a reload), navigation by
// hash (ids only, never personal data), language, log-out, and the screen for
// the current route.
import {logOut, onSessionEnded, resumeSession} from './api.js';
import {fill, h} from './dom.js';
import {language, onLanguageChange, setLanguage, t} from './i18n.js';
import {caseRoles, screensFor} from './views.js';
import {showAdmin} from './view-admin.js';
import {showAudit} from './view-audit.js';
import {showCase} from './view-case.js';
import {showCases} from './view-cases.js';
import {showFigures} from './view-figures.js';
import {showLogin} from './view-login.js';
import {showTriage} from './view-triage.js';

const state = {user: null, notice: null};
const view = document.getElementById('view');

const renderers = {
  triage: (id) => showTriage(view, state.user, id),
  desk: () => showCases(view, state.user, 'desk'),
  partner: () => showCases(view, state.user, 'partner'),
  figures: () => showFigures(view),
  audit: () => showAudit(view),
  admin: () => showAdmin(view),
};

function route() {
  applyStaticTexts();
  if (!state.user) {
    renderNav([]);
    showLogin(view, state.notice, (user) => {
      state.user = user;
      state.notice = null;
      const first = screensFor(user)[0];
      if (first && location.hash !== first.path) location.hash = first.path;
      else route();
    });
    return;
  }
  const allowed = screensFor(state.user);
  renderNav(allowed);
  const [, name, id] = location.hash.match(/^#\/([a-z]+)(?:\/(\d+))?$/) || [];
  if (name === 'cases' && id && state.user.roles.some((role) => caseRoles.includes(role))) {
    showCase(view, state.user, Number(id));
  } else {
    const screen = allowed.find((s) => s.path === `#/${name}` || (name === 'cases' && s.name === 'desk'));
    if (screen) renderers[screen.name](id ? Number(id) : undefined);
    else if (allowed[0]) location.hash = allowed[0].path;
    else fill(view, h('p', {}, t('nav.none')));
  }
  markCurrent();
}

function renderNav(allowed) {
  const nav = document.getElementById('nav');
  fill(nav, h('ul', {}, allowed.map((s) => h('li', {}, h('a', {href: s.path, 'data-screen': s.name}, t(s.label))))));
}

function markCurrent() {
  for (const link of document.querySelectorAll('#nav a')) {
    const here = location.hash.startsWith(link.getAttribute('href'));
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function applyStaticTexts() {
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('language-label').textContent = t('app.language');
  document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  const logOutButton = document.getElementById('log-out');
  logOutButton.textContent = t('app.log_out');
  logOutButton.hidden = !state.user;
  document.getElementById('who').textContent = state.user
    ? t('app.logged_in_as', {name: state.user.username, roles: state.user.roles.map((r) => t(`role.${r}`)).join(', ')})
    : '';
  document.getElementById('language').value = language();
}

function endSession(notice) {
  state.user = null;
  state.notice = notice;
  if (location.hash.length > 1) location.hash = '';  // hashchange routes
  else route();
}

onSessionEnded(() => {
  if (state.user) endSession('login.expired');
});

document.getElementById('log-out').addEventListener('click', async () => {
  try {
    await logOut();
  } finally {
    endSession('login.logged_out');
  }
});

document.getElementById('language').addEventListener('change', (event) => setLanguage(event.target.value));
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  view.focus();
});
onLanguageChange(route);
window.addEventListener('hashchange', route);
document.documentElement.lang = language();

// A reload keeps the user logged in: the session cookie is still there, and
// the server hands out a new CSRF token for it. Without a live session, log-in.
async function start() {
  fill(view, h('p', {}, t('app.loading')));
  try {
    state.user = await resumeSession();
  } catch {
    state.user = null;
  }
  route();
}
start();
