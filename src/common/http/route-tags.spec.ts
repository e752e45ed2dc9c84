import { Controller, Get, Post } from '@nestjs/common';
import { Public } from '../auth/auth-scheme';
import { routeTagsOfHandler, TagRoutes } from './route-tags';

@Controller('x')
@TagRoutes({ auth: 'api-key', wire: 'monitor' })
class Tagged {
  @Get('keyed')
  keyed(): void {}

  @Get('open')
  @Public()
  open(): void {}

  @Post('other-wire')
  @TagRoutes({ wire: 'maxbridge' })
  otherWire(): void {}

  helper(): void {}
}

describe('TagRoutes', () => {
  const tags = (name: keyof Tagged) => routeTagsOfHandler(Tagged.prototype[name]);

  it("gives every route its controller's tags", () => {
    expect(tags('keyed')).toEqual({ auth: 'api-key', wire: 'monitor' });
  });

  it("lets a route's own tags win, keeping the controller's others", () => {
    expect(tags('open')).toEqual({ auth: 'public', wire: 'monitor' });
    expect(tags('otherWire')).toEqual({ auth: 'api-key', wire: 'maxbridge' });
  });

  it('leaves methods that are not routes alone', () => {
    expect(tags('helper')).toEqual({});
  });
});
