// Progressive enhancement only: every page works without this.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

initAll();
