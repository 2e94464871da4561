export { isoWeek, periodOf } from '../../src/serve/http/period.js';
