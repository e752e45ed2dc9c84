import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthStrategies, DefaultDenyGuard } from './auth/auth-scheme';
import { createValidationPipe } from './validation/validation-pipe';
import { ApiExceptionFilter } from './wire/api-exception.filter';
import { WireFormatRegistry } from './wire/wire-format.registry';

/** What every request goes through, whatever its API: authentication, validation, error answers. */
@Global()
@Module({
  providers: [
    WireFormatRegistry,
    AuthStrategies,
    { provide: APP_GUARD, useClass: DefaultDenyGuard },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
  exports: [WireFormatRegistry, AuthStrategies],
})
export class CommonModule {}
