import { randomBytes } from 'node:crypto';
import { runCliWith } from '../support/cli';
import {
  createWalletUser,
  retailCall,
  SEED_OPEN_HOURS,
  signedPost,
  walletState,
} from '../support/maxbridge';
import { startTestApp, type TestApp } from '../support/test-app';

/** `npm run cli -- maxbridge ...`: the wallet's administration, against the service's database. */
describe('MaxBridge command line', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const cli = (...argv: string[]) => runCliWith(t.config, argv);
  const username = () => `cli-${randomBytes(5).toString('hex')}`;

  it('user create, document add, credit and user show, each with --json', async () => {
    const name = username();
    const created = await cli(
      'maxbridge',
      'user',
      'create',
      '--username',
      name,
      '--password',
      's3cret-pass',
      '--currency',
      'EUR',
      '--balance',
      '5000',
      '--status',
      '2',
      '--full-name',
      'Ana Lima',
      '--birth-date',
      '1990-02-03',
      '--json',
    );
    expect(created.code).toBe(0);
    const userId = created.json.user.id as number;
    expect(created.json).toEqual({
      user: {
        id: userId,
        username: name,
        full_name: 'Ana Lima',
        birth_date: '1990-02-03',
        status: { id: 2, name: 'Verified', block_type: null },
        preferred_currency_id: 978,
        transaction_min_limit: 100,
        transaction_max_limit: 10000000,
        registration_domain: null,
      },
      accounts: [{ id: expect.any(Number), currency: 'EUR', balance: 5000, ledger_sum: 5000 }],
      documents: [],
    });

    const document = await cli(
      'maxbridge',
      'document',
      'add',
      '--user',
      String(userId),
      '--type',
      '2',
      '--number',
      'P-778899',
      '--country',
      '76',
      '--expiry-date',
      '2031-05-01',
      '--doc-status',
      '1',
      '--json',
    );
    expect(document).toMatchObject({
      code: 0,
      json: { document_id: expect.any(Number), user_id: userId },
    });

    const credit = await cli(
      'maxbridge',
      'credit',
      '--user',
      String(userId),
      '--amount',
      '100',
      '--currency',
      'EUR',
      '--json',
    );
    expect(credit.code).toBe(0);
    expect(credit.json.ledger_entry_id).toEqual(expect.any(Number));
    expect(credit.json.accounts).toEqual([
      { id: expect.any(Number), currency: 'EUR', balance: 5100, ledger_sum: 5100 },
    ]);

    const shown = await cli('maxbridge', 'user', 'show', '--id', String(userId), '--json');
    expect(shown.json.documents).toEqual([
      { id: document.json.document_id, type_id: 2, number: 'P-778899', status: 1 },
    ]);

    // The service sees what the command line wrote.
    const info = await signedPost(t, '/api/payment/get-user-info', { user_id: userId });
    expect(info.body.data.userinfo).toMatchObject({
      balance: 5100,
      currency: 'EUR',
      userName: name,
      userStatusID: 2,
      userDocs: [
        { DocumentTypeID: 2, DocumentNumber: 'P-778899', DocumentCountryID: 76, DocumentStatus: 1 },
      ],
    });
    // The credit is an adjustment row: the ledger still sums to the balance.
    const state = await walletState(t, userId);
    expect(state.ledger.map((row) => [row.type, row.amount, row.balance_after])).toEqual([
      ['adjustment', 5000, 5000],
      ['adjustment', 100, 5100],
    ]);
  });

  it('prints readable text without --json', async () => {
    const userId = await createWalletUser(t, { balance: 1234 });
    const shown = await cli('maxbridge', 'user', 'show', '--id', String(userId));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`User ${userId} "`);
    expect(shown.stdout).toContain('12.34 EUR (ledger sum 12.34)');
    const credit = await cli(
      'maxbridge',
      'credit',
      '--user',
      String(userId),
      '--amount',
      '66',
      '--currency',
      'usd',
    );
    expect(credit.stdout).toContain(`Credited 0.66 USD to user ${userId}`);
    expect(credit.stdout).toContain('0.66 USD (ledger sum 0.66)');
  });

  it.each([
    [['maxbridge', 'user', 'show', '--id', '2147483000'], 1, 'USER_NOT_FOUND'],
    [['maxbridge', 'user', 'show'], 2, 'USAGE'],
    [
      [
        'maxbridge',
        'user',
        'create',
        '--username',
        'ab',
        '--password',
        'long-enough',
        '--currency',
        'EUR',
      ],
      1,
      'INVALID_USERNAME',
    ],
    [
      [
        'maxbridge',
        'user',
        'create',
        '--username',
        'abc-valid',
        '--password',
        'short',
        '--currency',
        'EUR',
      ],
      1,
      'WEAK_PASSWORD',
    ],
    [
      [
        'maxbridge',
        'user',
        'create',
        '--username',
        'abc-valid',
        '--password',
        'long-enough',
        '--currency',
        'EUX',
      ],
      1,
      'UNKNOWN_CURRENCY',
    ],
    [
      [
        'maxbridge',
        'user',
        'create',
        '--username',
        'abc-valid',
        '--password',
        'long-enough',
        '--currency',
        'EUR',
        '--status',
        '99',
      ],
      1,
      'UNKNOWN_STATUS',
    ],
    [
      [
        'maxbridge',
        'user',
        'create',
        '--username',
        'abc-valid',
        '--password',
        'long-enough',
        '--currency',
        'EUR',
        '--balance=-5',
      ],
      2,
      'USAGE',
    ],
    [
      ['maxbridge', 'document', 'add', '--user', '1', '--type', '13', '--number', 'X'],
      1,
      'UNKNOWN_DOCUMENT_TYPE',
    ],
    [['maxbridge', 'credit', '--user', '1', '--amount', '0', '--currency', 'EUR'], 2, 'USAGE'],
  ])('refuses %j with exit code %i and error code %s', async (argv, exitCode, errorCode) => {
    const run = await cli(...argv, '--json');
    expect(run.code).toBe(exitCode);
    expect(run.json).toEqual({ error: { code: errorCode, message: expect.any(String) } });
  });

  it('refuses a username that is taken', async () => {
    const name = username();
    const args = [
      'maxbridge',
      'user',
      'create',
      '--username',
      name,
      '--password',
      'long-enough',
      '--currency',
      'EUR',
      '--json',
    ];
    expect((await cli(...args)).code).toBe(0);
    expect((await cli(...args)).json).toEqual({
      error: { code: 'USERNAME_TAKEN', message: `The username "${name}" is taken` },
    });
  });

  it('signs a request with the configured secret: the service accepts the nonce and hash it prints', async () => {
    const userId = await createWalletUser(t, { balance: 900 });
    const body = `{"user_id": ${userId}}`;
    const signed = await cli('maxbridge', 'sign', '--body', body, '--url', t.url, '--json');
    expect(signed.json).toEqual({
      nonce: expect.stringMatching(/^\d{13}[0-9a-f]{8}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      url: `${t.url}/api/payment/get-user-info`,
      curl: expect.stringContaining(`--data-binary '${body}' ${t.url}/api/payment/get-user-info`),
    });
    const answer = await signedPost(t, '/api/payment/get-user-info', body, {
      nonce: signed.json.nonce,
      hash: signed.json.hash,
    });
    expect(answer.body).toMatchObject({
      code: 10,
      data: { userinfo: { userID: userId, balance: 900 } },
    });
  });

  it("checks the seed's own hash example with --secret, and explains itself with --help", async () => {
    const seedBody =
      '{"transaction_id":"00000000-0000-0000-0000-000000000000","service_id":1,"user_id":1121}';
    const signed = await cli(
      'maxbridge',
      'sign',
      '--body',
      seedBody,
      '--nonce',
      '1234',
      '--secret',
      'secret',
      '--json',
    );
    expect(signed.code).toBe(0);
    expect(signed.json.hash).toBe(
      '6f2c41f942e0f454462b29a6755630e147917cb06917fce6c8ee127a1bced3ec',
    );
    expect(signed.json.nonce).toBe('1234');

    const help = await cli('maxbridge', 'sign', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run cli -- maxbridge sign --body JSON .*--secret S/);
    expect(help.stdout).toContain('Sign a MaxBridge request');
    expect(help.stdout).not.toContain('maxbridge user create');
  });

  it('lists the maxbridge commands in the help', async () => {
    const help = await cli('--help');
    for (const usage of [
      'maxbridge user create',
      'maxbridge user show --id N',
      'maxbridge document add',
      'maxbridge credit',
      'maxbridge location create',
      'maxbridge location set-default --user N --location GUID',
      'maxbridge retail-key create',
    ]) {
      expect(help.stdout).toContain(usage);
    }
  });

  it('location create, list and set-default; retail-key create, list and revoke', async () => {
    const name = `Desk ${randomBytes(4).toString('hex')}`;
    const created = await cli(
      'maxbridge',
      'location',
      'create',
      '--name',
      name,
      '--lat',
      '5.3364',
      '--long',
      '-4.0267',
      '--hours',
      'mon-fri 09:00-18:00, sat 10:00-16:00',
      '--description',
      'Abidjan Plateau',
      '--city',
      '3',
      '--json',
    );
    expect(created.code).toBe(0);
    const location = created.json.location;
    expect(location).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name,
      description: 'Abidjan Plateau',
      lat: 5.3364,
      long: -4.0267,
      open_hours: SEED_OPEN_HOURS,
      city_id: 3,
      district_id: null,
    });
    expect((await cli('maxbridge', 'location', 'list')).stdout).toContain(
      `${location.id}  ${name}`,
    );
    expect((await cli('maxbridge', 'location', 'list', '--json')).json.locations).toContainEqual(
      location,
    );
    // Negative numbers as values, with or without "=", and a negative integer.
    const south = await cli(
      'maxbridge',
      'location',
      'create',
      '--name',
      `${name} S`,
      '--lat=-33.9',
      '--long',
      '-16',
      '--json',
    );
    expect({
      code: south.code,
      lat: south.json.location.lat,
      long: south.json.location.long,
    }).toEqual({ code: 0, lat: -33.9, long: -16 });
    const outOfRange = await cli(
      'maxbridge',
      'location',
      'create',
      '--name',
      'X',
      '--lat',
      '-91',
      '--long',
      '1',
    );
    expect({ code: outOfRange.code, stderr: outOfRange.stderr }).toEqual({
      code: 2,
      stderr: expect.stringContaining('--lat must be a number from -90 to 90'),
    });
    const badHours = await cli(
      'maxbridge',
      'location',
      'create',
      '--name',
      'X',
      '--lat',
      '1',
      '--long',
      '1',
      '--hours',
      'mon 18:00-09:00',
    );
    expect(badHours.code).toBe(2);
    expect(badHours.stderr).toContain(
      '--hours: closing time 09:00 must come after opening time 18:00',
    );

    const userId = await createWalletUser(t);
    const set = await cli(
      'maxbridge',
      'location',
      'set-default',
      '--user',
      String(userId),
      '--location',
      location.id,
      '--json',
    );
    expect(set.code).toBe(0);
    expect(set.json).toEqual({ user_id: userId, location });
    const unknown = await cli(
      'maxbridge',
      'location',
      'set-default',
      '--user',
      String(userId),
      '--location',
      '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'Location 3fa85f64-5717-4562-b3fc-2c963f66afa6 does not exist',
    );

    const made = await cli('maxbridge', 'retail-key', 'create', '--label', 'Shop 12', '--json');
    expect(made.code).toBe(0);
    expect(made.json).toEqual({
      id: expect.any(Number),
      key: expect.stringMatching(/^rk_/),
      prefix: made.json.key.slice(0, 10),
    });
    expect((await retailCall(t, made.json.key, 'GET', '/api/v1/get-locations')).status).toBe(200);
    expect((await cli('maxbridge', 'retail-key', 'list', '--json')).json.keys).toContainEqual({
      id: made.json.id,
      prefix: made.json.prefix,
      label: 'Shop 12',
      revoked: false,
    });
    expect(
      (await cli('maxbridge', 'retail-key', 'revoke', '--id', String(made.json.id))).code,
    ).toBe(0);
    expect((await retailCall(t, made.json.key, 'GET', '/api/v1/get-locations')).status).toBe(401);
  });
});
