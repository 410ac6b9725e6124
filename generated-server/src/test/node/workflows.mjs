// Two audit workflows driven end to end by the official MCP TypeScript SDK client over
// Streamable HTTP, as an agent would run them. Usage: node workflows.mjs <MCP URL>
// Prints one JSON line per workflow; exits non-zero when a check fails.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = process.argv[2];
const client = new Client({ name: 'torii-mcp-workflows', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));

let failures = 0;
function check(condition, message) {
  if (!condition) {
    failures++;
    console.error('FAIL: ' + message);
  }
}

async function call(name, args) {
  const r = await client.callTool({ name, arguments: args });
  if (r.isError) {
    throw new Error(`${name} failed: ${r.content?.[0]?.text}`);
  }
  return r.structuredContent;
}

/** Every item of a paginated tool, following next_cursor exactly as received. */
async function all(name, args, key) {
  const items = [];
  let cursor;
  for (let page = 0; page < 100; page++) {
    const r = await call(name, { ...args, ...(cursor ? { next_cursor: cursor } : {}) });
    items.push(...(r[key] ?? []));
    cursor = r.next_cursor;
    if (!cursor) break;
  }
  return items;
}

const tools = (await client.listTools()).tools.map((t) => t.name);
check(tools.length === 65, `expected 65 tools, got ${tools.length}`);

// 1. Offboarding audit of alex.chen@company.com.
{
  const found = await call('list_all_torii_users', {
    email: 'alex.chen@company.com',
    fields: 'id,email,firstName,lastName,lifecycleStatus,isDeletedInIdentitySources',
  });
  const alex = found.users?.[0];
  check(alex && alex.email === 'alex.chen@company.com', 'alex.chen is found by email');
  check(alex?.isDeletedInIdentitySources === true, 'alex is deleted in the identity source');
  check(alex?.lifecycleStatus === 'active', 'alex is still active in Torii');
  const updated = await call('update_a_torii_user_by_id', { idUser: alex.id, lifecycleStatus: 'offboarded' });
  check(updated.user?.lifecycleStatus === 'offboarded', 'alex is now offboarded');
  const apps = await call('list_all_torii_user_applications', { idUser: alex.id });
  const stillIn = (apps.apps ?? []).filter((a) => a.isUserRemovedFromApp === false).map((a) => a.name).sort();
  check(stillIn.length > 0, 'alex still has apps he was not removed from');
  const audit = await call('list_all_torii_audit_logs', { limit: 20 });
  check(JSON.stringify(audit).includes(String(alex.id)), 'the change is in the admin audit log');
  console.log(JSON.stringify({ workflow: 'offboarding', user: alex.id, appsNotRemoved: stillIn }));
}

// 2. Shadow-IT recon: active File Sharing / Cloud Storage apps without a primary owner,
// cross-referenced with active contracts by idApp.
{
  const apps = await all('list_all_torii_apps', { limit: 50, fields: 'id,name,category,state,primaryOwner,isHidden' }, 'apps');
  const ownerless = apps.filter(
    (a) => ['File Sharing', 'Cloud Storage'].includes(a.category) && !a.primaryOwner && a.state !== 'closed',
  );
  const contracts = await all('list_all_torii_contracts', { limit: 25, fields: 'id,name,idApp,status,amount,currency' }, 'contracts');
  const active = contracts.filter((c) => c.status === 'active');
  const withContracts = ownerless
    .filter((a) => active.some((c) => c.idApp === a.id))
    .map((a) => a.name)
    .sort();
  check(ownerless.length >= 3, `at least 3 ownerless file-sharing apps, got ${ownerless.length}`);
  check(withContracts.includes('Dropbox'), 'Dropbox is ownerless with an active contract');
  check(withContracts.length >= 2, 'several ownerless apps have active contracts');
  console.log(JSON.stringify({ workflow: 'shadow-it', ownerless: ownerless.map((a) => a.name).sort(), withActiveContracts: withContracts }));
}

await client.close();
if (failures > 0) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
