import { SqlDatabase } from '../../src/database/sql-database';
import { WalletAdminService } from '../../src/maxbridge/wallet/wallet-admin.service';
import { createWalletUser, signedPost } from '../support/maxbridge';
import { startTestApp, type TestApp } from '../support/test-app';
import { eitherDay, utcDay } from '../support/utc-day';

/** `POST /api/payment/get-user-info` (seed 003): the seed's two examples, and bad input. */
describe('MaxBridge get-user-info', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const getUserInfo = (body: object | string) => signedPost(t, '/api/payment/get-user-info', body);

  it("answers the seed's successful example: userinfo in the seed's fields and order, with balance and currency", async () => {
    const admin = t.app.get(WalletAdminService);
    const userName = `exampleUser-${Date.now()}`;
    const userId = await admin.createUser({
      userName,
      password: 'correct horse battery',
      currency: 'USD',
      balance: 125000,
      statusId: 2,
      fullName: 'John Doe',
      birthDate: '1985-05-15',
      minLimit: 10,
      maxLimit: 1000,
      registrationDomain: 'example.com',
    });
    await t.app
      .get(SqlDatabase)
      .transaction((s) =>
        s.execute('UPDATE wallet_users SET additional_data = ? WHERE id = ?', [
          '{"key":"value"}',
          userId,
        ]),
      );
    // DateModified is the UTC day the document was added: the day read just before adding it,
    // or the one read just after when midnight passes meanwhile.
    const dayBefore = utcDay();
    const documentId = await admin.addDocument({
      userId,
      typeId: 1,
      number: 'A1234567',
      personalId: 'P987654',
      countryId: 44,
      issueDate: '2022-01-15',
      expirationDate: '2032-01-14',
      issuingAuthority: 'Gov Agency',
      issuingPlace: 'City Center',
      status: 1,
      statusNote: 'Text',
    });
    const dayAfter = utcDay();

    const answer = await getUserInfo({ user_id: userId });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: 10,
      message: 'success',
      data: {
        userinfo: {
          balance: 125000,
          currency: 'USD',
          userID: userId,
          userName,
          fullName: 'John Doe',
          birthDate: '1985-05-15',
          transactionMaxLimit: 1000,
          transactionMinLimit: 10,
          userStatusID: 2,
          preferredCurrencyID: 840,
          registrationDomain: 'example.com',
          additionalData: { key: 'value' },
          userDocs: [
            {
              ID: documentId,
              DocumentTypeID: 1,
              DocumentNumber: 'A1234567',
              PersonalID: 'P987654',
              DocumentCountryID: 44,
              DocumentIssueDate: '2022-01-15',
              DocumentExpirationDate: '2032-01-14',
              DocumentIssuingAuthority: 'Gov Agency',
              DocumentIssuingPlace: 'City Center',
              AdditionalData: {},
              UserId: userId,
              DateModified: eitherDay(dayBefore, dayAfter),
              DocumentStatus: 1,
              StatusNote: 'Text',
            },
          ],
        },
      },
    });
    // The seed's field order, byte for byte in shape.
    expect(Object.keys(answer.body)).toEqual(['code', 'message', 'data']);
    expect(Object.keys(answer.body.data.userinfo)).toEqual([
      'balance',
      'currency',
      'userID',
      'userName',
      'fullName',
      'birthDate',
      'transactionMaxLimit',
      'transactionMinLimit',
      'userStatusID',
      'preferredCurrencyID',
      'registrationDomain',
      'additionalData',
      'userDocs',
    ]);
    expect(Object.keys(answer.body.data.userinfo.userDocs[0])).toEqual([
      'ID',
      'DocumentTypeID',
      'DocumentNumber',
      'PersonalID',
      'DocumentCountryID',
      'DocumentIssueDate',
      'DocumentExpirationDate',
      'DocumentIssuingAuthority',
      'DocumentIssuingPlace',
      'AdditionalData',
      'UserId',
      'DateModified',
      'DocumentStatus',
      'StatusNote',
    ]);
  });

  it("answers the seed's invalid example for an unknown user, byte for byte", async () => {
    const answer = await getUserInfo('{\n"user_id": 2147483000\n}');
    expect(answer).toEqual({
      status: 200,
      body: { code: 125, message: 'USER_NOT_FOUND' },
      text: '{"code":125,"message":"USER_NOT_FOUND"}',
    });
  });

  it('shows the balance of the preferred currency among several accounts, and a user with no documents', async () => {
    const userId = await createWalletUser(t, { currency: 'EUR', balance: 700 });
    await t.app.get(WalletAdminService).credit(userId, 300, 'USD', null);
    const { body } = await getUserInfo({ user_id: userId });
    expect(body.data.userinfo).toMatchObject({
      balance: 700,
      currency: 'EUR',
      preferredCurrencyID: 978,
      fullName: null,
      birthDate: null,
      registrationDomain: null,
      additionalData: {},
      userDocs: [],
    });
  });

  it.each([
    ['no user_id', {}, 112, { user_id: 'user_id is required' }],
    ['user_id null', { user_id: null }, 112, { user_id: 'user_id is required' }],
    [
      'user_id as a string',
      { user_id: '12345' },
      99,
      { user_id: 'user_id must be a positive integer of at most 2147483647' },
    ],
    [
      'user_id 0',
      { user_id: 0 },
      99,
      { user_id: 'user_id must be a positive integer of at most 2147483647' },
    ],
    [
      'user_id negative',
      { user_id: -5 },
      99,
      { user_id: 'user_id must be a positive integer of at most 2147483647' },
    ],
    [
      'user_id fractional',
      { user_id: 1.5 },
      99,
      { user_id: 'user_id must be a positive integer of at most 2147483647' },
    ],
    [
      'user_id beyond 2^53',
      '{"user_id":9007199254740993}',
      99,
      { user_id: 'user_id must be a positive integer of at most 2147483647' },
    ],
    ['a JSON array', [1], 99, { body: 'The body must be a JSON object' }],
    ['not JSON', '{"user_id":', 99, { body: 'The body must be valid JSON' }],
  ])('refuses %s with its code, as HTTP 200', async (_case, body, code, fields) => {
    const answer = await getUserInfo(body as object);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code,
      message: code === 112 ? 'MISSING_PARAMETERS' : 'WRONG_REQUEST',
      data: { fields },
    });
  });

  it.each([
    [
      'not JSON, by its content type',
      'user_id=1',
      { 'content-type': 'text/plain' },
      'Content-Type must be application/json',
    ],
    [
      'declared in another charset than UTF-8',
      '{"user_id":1}',
      { 'content-type': 'application/json; charset=iso-8859-1' },
      'charset iso-8859-1 is not supported: send the body in UTF-8',
    ],
    [
      'compressed, by its content encoding',
      '{"user_id":1}',
      { 'content-encoding': 'deflate' },
      'Content-Encoding deflate is not supported: send the body uncompressed',
    ],
  ])('refuses a body %s', async (_case, body, headers, refusal) => {
    const answer = await signedPost(t, '/api/payment/get-user-info', body, { headers });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: 99,
      message: 'WRONG_REQUEST',
      data: { fields: { body: refusal } },
    });
  });
});
