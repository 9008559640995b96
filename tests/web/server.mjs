// Starts a real `casechain serve` on a temporary data folder and a free port,
// with one user per role made through the command line, and talks to its API
// over TLS pinned to the certificate it made.
import {spawn, spawnSync} from 'node:child_process';
import {createHash, X509Certificate} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {request} from 'node:https';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const password = 'a long passphrase 42';
export const users = {
  triage1: {org: 'FJC', role: 'triage'},
  triage2: {org: 'FJC', role: 'triage'},
  manager: {org: 'FJC', role: 'case_manager'},
  police: {org: 'Police', role: 'police'},
  prosecutor: {org: 'Parket', role: 'prosecutor'},
  social: {org: 'CAW', role: 'social_worker'},
  coordinator: {org: 'FJC', role: 'coordinator'},
  auditor: {org: 'FJC', role: 'auditor'},
  admin: {org: 'FJC', role: 'admin'},
};
const organisations = {FJC: 'administration', Police: 'police', Parket: 'justice', CAW: 'care'};

function cli(binary, args, input) {
  const run = spawnSync(binary, args, {input, encoding: 'utf8'});
  if (run.status !== 0) throw new Error(`casechain ${args[0]} ${args[1] ?? ''} failed: ${run.stderr}`);
  return run.stdout;
}

export async function startServer() {
  const binary = process.env.CASECHAIN_BIN;
  if (!binary) throw new Error('set CASECHAIN_BIN to the casechain executable');
  const data = mkdtempSync(join(tmpdir(), 'casechain-web-'));
  cli(binary, ['init', '--data', data]);
  for (const [name, sector] of Object.entries(organisations))
    cli(binary, ['org', 'add', '--data', data, '--name', name, '--sector', sector]);
  for (const [username, {org, role}] of Object.entries(users))
    cli(binary, ['user', 'add', '--data', data, '--username', username, '--org', org, '--role', role], `${password}\n`);

  const child = spawn(binary, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--threads', '2'],
    {stdio: ['ignore', 'pipe', 'pipe']});
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/listens on https:\/\/[^:]+:(\d+)/);
      if (found) resolve(Number(found[1]));
    });
    child.stderr.resume();
    child.on('exit', (code) => reject(new Error(`casechain serve ended (${code}) before listening: ${out}`)));
  });
  const certificate = readFileSync(join(data, 'tls', 'cert.pem'), 'utf8');
  const spki = createHash('sha256')
    .update(new X509Certificate(certificate).publicKey.export({type: 'spki', format: 'der'}))
    .digest('base64');
  return {
    url: `https://localhost:${port}`,
    port,
    certificate,
    spki,
    data,
    async stop() {
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await ended;
      rmSync(data, {recursive: true, force: true});
    },
  };
}

// One API call over TLS checked against the server's own certificate.
export function call(server, method, path, {body, token} = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: server.port, servername: 'localhost', ca: server.certificate, method, path,
      headers: {
        ...(payload ? {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload)} : {}),
        ...(token ? {Authorization: `Bearer ${token}`} : {}),
      },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({status: res.statusCode, headers: res.headers, text,
        json: (res.headers['content-type'] || '').includes('json') && text ? JSON.parse(text) : null}));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function tokenOf(server, username) {
  const answer = await call(server, 'POST', '/api/v1/session', {body: {username, password}});
  if (answer.status !== 200) throw new Error(`log-in of ${username}: ${answer.status}`);
  return answer.json.token;
}

// A police report on a family of its own (names made from `ref`); `overrides` replace top-level fields.
export function policeReport(ref, overrides = {}) {
  const family = ref.replace(/[^A-Za-z0-9]/g, '');
  return {
    external_ref: ref,
    police_zone: '5345 Antwerpen',
    reported_at: new Date(Date.now() - 3 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    persons: [
      {role: 'victim', first_name: 'Sofie', last_name: `Peeters${family}`, birth_date: '1990-06-02', gender: 'female',
        address: {street: 'Lange Leemstraat', number: '12', postcode: '2018', municipality: 'Antwerpen'},
        phone: '+32 478 12 34 56'},
      {role: 'suspect', first_name: 'Kevin', last_name: `Janssens${family}`, birth_date: '1987-11-30', gender: 'male'},
    ],
    relationship: 'partner',
    violence: {physical: true, psychological: false, sexual: false, economic: false, threats: true, stalking: false},
    indicators: {injury: true},
    measures: {restraining_order: null, arrest: false, red_file: false},
    narrative: 'Hij heeft haar geslagen en gewurgd. Er werd geen wapen gebruikt.',
    ...overrides,
  };
}

export async function addReport(server, token, report) {
  const answer = await call(server, 'POST', '/api/v1/reports', {body: report, token});
  if (answer.status !== 201) throw new Error(`report ${report.external_ref}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}
