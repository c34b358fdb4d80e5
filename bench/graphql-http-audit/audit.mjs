// Runs the graphql-http audit (the GraphQL-over-HTTP specification's server checks, as
// graphql-http.com runs them) against a running platform and prints the counts by level.
// Usage: bench/graphql-http-audit/run [http://localhost:8080/graphql]
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:8080/graphql';
const results = await auditServer({ url });
const counts = {};
for (const result of results) {
  const level = result.name.split(' ')[0];
  counts[level] ??= { ok: 0, notice: 0, warn: 0, error: 0 };
  counts[level][result.status] += 1;
}
for (const [level, count] of Object.entries(counts)) {
  console.log(`${level}: ${count.ok} passed, ${count.notice} noticed, ${count.warn} warned, ${count.error} failed`);
}
for (const result of results.filter((r) => r.status !== 'ok')) {
  console.log(`  ${result.status} ${result.name}: ${result.reason}`);
}
