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
    '::ffff:0:127.0.0.1',
    '::127.0.0.1',
    '::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::169.254.169.254',
    '64:ff9b:1::808:808',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'fec0::1',
    'fe80::1%eth0',
    'not an address',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each([
    '93.184.216.34',
    '41.82.1.7',
    '172.32.0.1',
    '2606:2800:220:1::1',
    '::ffff:5db8:d822',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2a02:1800::1',
    '2c0f:f0f8::1:2:3',
  ])('lets %s through', (address) => expect(isPrivateAddress(address)).toBe(false));
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
