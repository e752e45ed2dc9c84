import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TagRoutes } from '../../common/http/route-tags';
import { LOGIN_REQUESTS, SESSION_ANSWERS } from '../cash-desk/cash-desk.examples';
import { MaxBridgeCode } from '../maxbridge-code';
import { maxBridgeAnswer, MAXBRIDGE_WIRE, type MaxBridgeAnswer } from '../maxbridge.wire';
import { IsShortText } from '../payment/dto/payment.rules';
import { CoreSessionsService, type CoreSession } from './core-sessions.service';
import { CoreSessionRoute, FRONT_END_TAG, PlayerSession } from './front-end-api.decorator';

export class LoginRequestDto {
  @ApiProperty({ description: 'The player’s username in the PAM&Wallet', example: 'ana.lima' })
  @IsDefined({ message: 'username is required' })
  @IsShortText('username', 64)
  username: string;

  @ApiProperty({ description: 'The player’s password', example: 'correct horse battery' })
  @IsDefined({ message: 'password is required' })
  @IsShortText('password', 200)
  password: string;
}

interface LoginData {
  token: string;
  user_id: number;
  expires_at: string;
}

const COOKIE = 'JSESSIONID';

/** The session cookie: HttpOnly, SameSite=Strict, and Secure when the request came over HTTPS. */
const sessionCookie = (request: FastifyRequest, token: string, maxAge: number) =>
  `${COOKIE}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict` +
  (request.protocol === 'https' ? '; Secure' : '');

/** The core's login (not in the seed: the front end needs a session to call its routes). */
@ApiTags(FRONT_END_TAG)
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly sessions: CoreSessionsService) {}

  @Post('login')
  @HttpCode(200)
  @TagRoutes({ auth: 'public', wire: MAXBRIDGE_WIRE })
  @ApiBody({ type: LoginRequestDto, examples: LOGIN_REQUESTS })
  @ApiOkResponse({ examples: SESSION_ANSWERS.login })
  @ApiOperation({
    summary: 'Opens a player’s session (not in the seed)',
    description:
      'Answers the session token (the seed’s shape) in `data.token` and as the cookie ' +
      '`JSESSIONID` (HttpOnly, SameSite=Strict). The front end sends it back in `Cookie`, with ' +
      '`X-Requested-With: true`. A wrong username or password: 113; after 3 failures of a ' +
      'username each wrong answer is slower, and after MAXBRIDGE_LOGIN_MAX_FAILURES (10) in 15 ' +
      'minutes it is refused with 124 for MAXBRIDGE_LOGIN_BLOCK (15 minutes); an address counts ' +
      '20 times more (carrier-grade NAT: one address is many players). A player ' +
      'whose status is Full Block: 131. Without SESSION_SECRET on this server: 138.',
  })
  async login(
    @Body() body: LoginRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MaxBridgeAnswer<LoginData>> {
    const opened = await this.sessions.login(body.username, body.password, request.ip);
    const maxAge = Math.max(0, Math.floor((opened.expiresAt.micros / 1000 - Date.now()) / 1000));
    reply.header('set-cookie', sessionCookie(request, opened.token, maxAge));
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
      token: opened.token,
      user_id: opened.userId,
      expires_at: opened.expiresAt.toIso(),
    });
  }

  @Post('logout')
  @HttpCode(200)
  @CoreSessionRoute()
  @ApiOperation({
    summary: 'Closes the player’s session (not in the seed)',
    description: 'Its token opens nothing any more, on every instance. No body.',
  })
  @ApiOkResponse({ examples: SESSION_ANSWERS.logout })
  async logout(
    @PlayerSession() session: CoreSession,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MaxBridgeAnswer> {
    await this.sessions.logout(session);
    reply.header('set-cookie', sessionCookie(request, '', 0));
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS);
  }
}
