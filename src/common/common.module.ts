import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { DefaultDenyGuard } from './auth/auth-scheme';
import { createValidationPipe } from './validation/validation-pipe';
import { FallbackExceptionFilter } from './wire/fallback-exception.filter';
import { WireFormatRegistry } from './wire/wire-format.registry';

/** What every request goes through, whatever its API: default-deny, validation, error fallback. */
@Global()
@Module({
  providers: [
    WireFormatRegistry,
    { provide: APP_GUARD, useClass: DefaultDenyGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: FallbackExceptionFilter },
  ],
  exports: [WireFormatRegistry],
})
export class CommonModule {}
