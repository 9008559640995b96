// The log-in form, with the reason the user is here again (timeout, log-out).
import {logIn} from './api.js';
import {fill, h, takeView} from './dom.js';
import {t} from './i18n.js';

export function showLogin(view, notice, onLoggedIn) {
  // The form owns the view: an answer still on its way to an earlier screen (refused
  // when the session ended) must not draw its error over the form and its notice.
  takeView(view);
  const username = h('input', {id: 'username', name: 'username', autocomplete: 'username', required: true, maxlength: 64});
  const password = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password',
    required: true, maxlength: 256});
  const message = h('p', {id: 'login-message', class: notice ? 'notice' : 'error', role: 'alert'}, notice ? t(notice) : '');
  const form = h('form', {class: 'login', 'aria-labelledby': 'login-title'},
    h('h1', {id: 'login-title'}, t('login.title')),
    message,
    h('label', {for: 'username'}, t('login.username')), username,
    h('label', {for: 'password'}, t('login.password')), password,
    h('button', {type: 'submit'}, t('login.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.className = 'error';
    message.textContent = '';
    try {
      const user = await logIn(username.value, password.value);
      password.value = '';
      onLoggedIn(user);
    } catch (error) {
      password.value = '';
      message.textContent = error.status === 429 ? t('login.throttled') : t('login.failed');
      password.focus();
    }
  });
  fill(view, form);
  username.focus();
}
