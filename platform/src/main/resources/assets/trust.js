// Progressive enhancement only: every page works without this.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

initAll();

// The session timeout warning: two minutes before a signed-in session would end for want of
// activity, say so and offer to stay signed in. Without JavaScript the footer states the timeout.
const WARN_BEFORE_MS = 2 * 60 * 1000;
const notice = document.querySelector('.trust-session-notice');
if (notice) {
  const idleMs = Number(notice.dataset.idleMinutes) * 60 * 1000;
  let warning = null;
  let timers = [];

  const clear = () => {
    timers.forEach(clearTimeout);
    timers = [];
    if (warning) {
      warning.remove();
      warning = null;
    }
  };

  const signedOut = () => {
    clear();
    warning = banner('You have been signed out', 'For your security, you were signed out after a period without activity. Sign in again to carry on.', false);
  };

  const warn = () => {
    warning = banner('You will be signed out in 2 minutes', 'For your security, we will sign you out if you do not do anything.', true);
  };

  const schedule = () => {
    clear();
    timers.push(setTimeout(warn, Math.max(idleMs - WARN_BEFORE_MS, 0)));
    timers.push(setTimeout(signedOut, idleMs));
  };

  function banner(heading, text, offerToStay) {
    const region = document.createElement('div');
    region.className = 'govuk-notification-banner';
    region.setAttribute('role', 'alert');
    region.setAttribute('aria-labelledby', 'trust-timeout-title');
    region.innerHTML = '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="trust-timeout-title">Important</h2></div>'
      + '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading"></p><p class="govuk-body"></p></div>';
    region.querySelector('.govuk-notification-banner__heading').textContent = heading;
    region.querySelector('.govuk-body').textContent = text;
    if (offerToStay) {
      const stay = document.createElement('button');
      stay.type = 'button';
      stay.className = 'govuk-button govuk-!-margin-bottom-0';
      stay.textContent = 'Stay signed in';
      stay.addEventListener('click', () => {
        fetch('/session/keep-alive', { credentials: 'same-origin' }).then((answer) => {
          if (answer.ok) {
            schedule();
          } else {
            signedOut();
          }
        });
      });
      region.querySelector('.govuk-notification-banner__content').appendChild(stay);
    }
    const main = document.getElementById('main-content');
    main.insertBefore(region, main.firstChild);
    region.setAttribute('tabindex', '-1');
    region.focus();
    return region;
  }

  schedule();
}
