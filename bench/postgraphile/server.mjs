// PostGraphile 5 with its amber preset over the platform's database, connected as the runtime
// role (trust_app), with app.tenant_id set in every request's transaction: the same row-level
// security the platform works under. bench/compare starts it with DATABASE_URL, TENANT_ID and PORT.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";

const { DATABASE_URL, TENANT_ID, PORT } = process.env;
if (!DATABASE_URL || !TENANT_ID || !PORT) {
  throw new Error("DATABASE_URL, TENANT_ID and PORT are needed");
}

const preset = {
  extends: [PostGraphileAmberPreset],
  // W2 counts each plan's complete actions with a condition on status, which has no index of
  // its own: without this plugin's removal, amber offers conditions only on indexed columns.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString: DATABASE_URL, schemas: ["trust"] })],
  grafast: { context: () => ({ pgSettings: { "app.tenant_id": TENANT_ID } }) },
  grafserv: { graphiql: false, watch: false },
};

const serv = postgraphile(preset).createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(Number(PORT), "127.0.0.1", () => console.log(`PostGraphile listening on ${PORT}`));
