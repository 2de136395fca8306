/** The test harness migrates with exactly the function `npm start` uses. */
export { migrateAll } from '../../api/src/db/migrate-all';
