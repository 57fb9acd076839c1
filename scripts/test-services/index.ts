export { startTestPostgres, type TestPostgres } from './postgres.ts';
export { startTestRedis, type TestRedis } from './redis.ts';
export { freePort } from './process.ts';
