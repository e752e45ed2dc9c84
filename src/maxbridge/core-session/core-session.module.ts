import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { CoreSessionStrategy } from './core-session.strategy';
import { CoreSessionsService } from './core-sessions.service';
import { CoreLoginThrottle } from './core-login-throttle';

/** Players' sessions with the core (seed 003's front end): login, logout, and the token's check. */
@Module({
  controllers: [AuthController],
  providers: [CoreSessionsService, CoreSessionStrategy, CoreLoginThrottle],
  exports: [CoreSessionsService],
})
export class CoreSessionModule {}
