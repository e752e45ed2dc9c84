import { isPrivateAddress } from './network-guard';
import { signature } from './webhook-secret';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.255.0.1',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.1.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd12:3456::1',
    'fe80::abcd',
    '::ffff:127.0.0.1',
    '::ffff:a00:1',
    'not an address',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['93.184.216.34', '41.82.1.7', '172.32.0.1', '2606:2800:220:1::1', '::ffff:5db8:d822'])(
    'lets %s through',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('signature', () => {
  it('signs as Standard Webhooks does (the specification’s own example)', () => {
    expect(
      signature(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});
