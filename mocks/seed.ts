export * from '../src/server/store/seed-data';
