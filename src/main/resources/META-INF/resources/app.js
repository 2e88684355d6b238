// Rapport's dashboard: the portfolio and each partnership's workspace, built on the public REST API only.

import { signIn, signOut, token, expired, returnPlace, rememberPlace, whenSignedOut } from './api.js';
import { h, heading, announce } from './dom.js';
import { renderPortfolio } from './portfolio.js';
import { renderPartnership } from './partnership.js';
import { renderFormation } from './formation.js';

const main = document.getElementById('main');
const MESSAGE_KEY = 'rapport.sign-in-message';

/** Why the reader is asked to sign in (a refused or expired token), kept until they sign in again. */
const signInMessage = {
  get: () => sessionStorage.getItem(MESSAGE_KEY) || '',
  set: (text) => (text ? sessionStorage.setItem(MESSAGE_KEY, text) : sessionStorage.removeItem(MESSAGE_KEY)),
};

/** Titles the tab and moves focus to the new page's heading, so a screen reader starts there. */
function arrived(title) {
  document.title = `${title} · Rapport`;
  const h1 = main.querySelector('h1');
  if (h1) h1.focus({ preventScroll: false });
}

function renderSignIn() {
  const message = signInMessage.get();
  const area = h('textarea', { id: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': message ? 'token-help sign-in-message' : 'token-help' });
  const devList = h('div', { class: 'dev-tokens', id: 'dev-tokens' });
  const form = h('form', { class: 'card', onsubmit: (e) => {
    e.preventDefault();
    if (!area.value.trim()) return;
    signIn(area.value);
    signInMessage.set('');
    announce('Signed in.');
    go(returnPlace() || '#/');
  } },
  h('label', { for: 'token' }, 'Bearer token'),
  area,
  h('p', { id: 'token-help', class: 'muted' }, 'Paste the token your organisation issued you. It is kept in this tab only.'),
  h('button', { class: 'primary', type: 'submit', id: 'sign-in' }, 'Sign in'));
  main.replaceChildren(...[heading('Sign in'),
    message ? h('p', { class: 'notice card', id: 'sign-in-message', role: 'alert' }, message) : null,
    form, devList].filter(Boolean));
  arrived('Sign in');
  fetch('/dev/tokens', { headers: { Accept: 'application/json' } }).then((r) => (r.ok ? r.json() : [])).then((tokens) => {
    if (tokens.length === 0) return;
    devList.append(h('p', {}, 'Dev mode: sign in with one of the tokens it printed.'));
    for (const t of tokens) {
      devList.append(h('button', { type: 'button', class: 'secondary', 'data-label': t.label,
        onclick: () => { signIn(t.token); signInMessage.set(''); go(returnPlace() || '#/'); } }, `Sign in as ${t.label}`));
    }
  }).catch(() => { /* not dev mode */ });
}

/** Navigates to a hash, rendering even when it is the hash already shown. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const signedIn = Boolean(token());
  document.getElementById('sign-out').hidden = !signedIn;
  if (signedIn && expired()) {
    signOut(true);
    signInMessage.set('Your sign-in has expired. Sign in again to carry on where you were.');
    route();
    return;
  }
  if (!signedIn) {
    rememberPlace(location.hash);
    renderSignIn();
    return;
  }
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const match = path.match(/^\/p\/([0-9a-f-]{36})$/);
  let title;
  if (match) title = await renderPartnership(main, match[1], params);
  else if (path === '/new') title = await renderFormation(main);
  else title = await renderPortfolio(main, params);
  if (title) arrived(title);
}

whenSignedOut((message) => {
  signInMessage.set(message);
  announce(message);
  route();
});

document.getElementById('sign-out').addEventListener('click', () => {
  signOut(false);
  announce('Signed out.');
  signInMessage.set('');
  go('#/');
});
window.addEventListener('hashchange', route);
route();
