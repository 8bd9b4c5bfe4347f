// A redirect from the forge's API to another origin must not carry the token there, and the user must hear why the
// call stopped. Two local servers: the "API" answers every request with a 302 to the "elsewhere" server, which records
// what reached it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForgeError } from './errors';
import { GithubForge } from './github/adapter';
import { GitlabForge } from './gitlab/gitlab-forge';
import type { IssueRef } from './model';
import { REDIRECT_MESSAGE } from './redirects';

const TOKEN = 'glpat-redirect-secret-42';
let api: http.Server;
let elsewhere: http.Server;
let apiUrl = '';
let elsewhereUrl = '';
const reached: { url: string; headers: http.IncomingHttpHeaders }[] = [];
const asked: http.IncomingHttpHeaders[] = [];

const listen = (server: http.Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

beforeAll(async () => {
  elsewhere = http.createServer((req, res) => {
    reached.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  // Another origin: localhost rather than 127.0.0.1, another port.
  elsewhereUrl = (await listen(elsewhere)).replace('127.0.0.1', 'localhost');
  api = http.createServer((req, res) => {
    asked.push(req.headers);
    res.writeHead(302, { location: `${elsewhereUrl}/steal${req.url}` }).end();
  });
  apiUrl = await listen(api);
});
afterAll(() => {
  api.close();
  elsewhere.close();
});

async function failure(p: Promise<unknown>): Promise<ForgeError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ForgeError);
  return e as ForgeError;
}

describe('a redirect to another origin', () => {
  it('GitLab: the token goes as Authorization: Bearer, the redirect is not followed, and the user is told why', async () => {
    reached.length = 0;
    asked.length = 0;
    const ref: IssueRef = { forge: 'gitlab', baseUrl: apiUrl, container: 'project', path: 'g/p', iid: 1, kind: 'issue' };
    const e = await failure(new GitlabForge({ baseUrl: apiUrl, token: TOKEN }).getIssue(ref));
    expect(e.message).toContain(REDIRECT_MESSAGE);
    expect(asked[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(asked[0]?.['private-token']).toBeUndefined();
    expect(reached).toEqual([]);
  });

  it('GitHub: the answer from another origin is refused and the token never reached it', async () => {
    reached.length = 0;
    const ref: IssueRef = { forge: 'github', baseUrl: apiUrl, container: 'project', path: 'o/r', iid: 1, kind: 'issue' };
    const e = await failure(new GithubForge({ id: 'github:test', kind: 'github', baseUrl: apiUrl, token: 'ghp_redirect_secret_42' }, { retries: 0 }).getIssue(ref));
    expect(e.message).toContain(REDIRECT_MESSAGE);
    for (const r of reached) {
      expect(r.headers.authorization).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain('redirect_secret');
    }
  });
});
