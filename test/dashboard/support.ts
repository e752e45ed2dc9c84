import { randomBytes } from 'node:crypto';
import { DashboardUsersService } from '../../src/dashboard/users/dashboard-users.service';
import type { Role } from '../../src/dashboard/users/roles';
import type { TestApp } from '../support/test-app';

export const PASSWORD = 'a long passphrase of mine';

/**
 * Each suite logs in from addresses of its own (the apps trust X-Forwarded-For): failed logins
 * are counted per address in the database, which the suites share on MariaDB.
 */
export const newAddress = () => `10.${[...randomBytes(3)].join('.')}`;

export const newEmail = (name = 'user') => `${name}-${randomBytes(4).toString('hex')}@team.test`;

/** A dashboard user who can log in (as `user create` makes one). */
export async function dashboardUser(
  t: TestApp,
  teamId: number,
  role: Role,
  email = newEmail(role),
) {
  const user = await t.app
    .get(DashboardUsersService)
    .create({ teamId, email, role, password: PASSWORD });
  return { ...user, email };
}

/** A logged-in browser: its cookie and CSRF token, and requests that carry them. */
export async function loggedIn(t: TestApp, email: string, address = newAddress()) {
  const login = await t.http
    .post('/dashboard/api/login')
    .set('x-forwarded-for', address)
    .send({ email, password: PASSWORD })
    .expect(200);
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const csrf = login.body.csrf_token as string;
  return {
    login,
    cookie,
    csrf,
    get: (path: string) => t.http.get(path).set('cookie', cookie),
    post: (path: string, body?: object) =>
      t.http.post(path).set('cookie', cookie).set('x-csrf-token', csrf).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('cookie', cookie).set('x-csrf-token', csrf).send(body),
    put: (path: string, body: object) =>
      t.http.put(path).set('cookie', cookie).set('x-csrf-token', csrf).send(body),
    delete: (path: string) => t.http.delete(path).set('cookie', cookie).set('x-csrf-token', csrf),
  };
}
