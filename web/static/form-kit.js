// Small building blocks for the case page's forms: a labelled field, a
// select, and a form that posts to the API, says what happened and lets the
// caller redraw. Every check is the server's; the form only sends.
import {api} from './api.js';
import {announce, problemText} from './feedback.js';
import {h} from './dom.js';
import {t} from './i18n.js';

export function field(id, label, control) {
  return h('div', {class: 'field'}, h('label', {for: id}, label), control);
}

// <select id=...> of [value, text] pairs.
export function select(id, options, attributes = {}) {
  return h('select', {id, ...attributes}, options.map(([value, text]) => h('option', {value}, text)));
}

export function textArea(id, attributes = {}) {
  return h('textarea', {id, rows: 2, maxlength: 5000, ...attributes});
}

// A form titled `title` (default t(`form.${name}`)) that posts `body()` to `path()`. On success
// it announces and awaits `done()`; a refusal is shown in the form, through
// `refused(error, message)` when given (e.g. to list unmet guards).
export function postingForm(name, path, fields, body, done, {refused, submit = 'form.save', title} = {}) {
  const message = h('div', {role: 'alert', class: 'error', id: `${name}-form-message`});
  const form = h('form', {class: 'work-form', 'aria-labelledby': `${name}-form-title`, 'data-form': name},
    h('h3', {id: `${name}-form-title`}, title ?? t(`form.${name}`)), fields, h('button', {type: 'submit'}, t(submit)), message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await api('POST', typeof path === 'function' ? path() : path, body());
      announce(t('case.recorded'));
      await done();
    } catch (error) {
      if (refused) refused(error, message);
      else message.textContent = problemText(error);
    }
  });
  return form;
}
