import { Injectable } from '@nestjs/common';
import { LoginThrottle } from '../../common/auth/login-throttle';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { SqlDatabase } from '../../database/sql-database';

/** The core login's throttle: MAXBRIDGE_LOGIN_* settings, failures in `maxbridge_login_failures`. */
@Injectable()
export class CoreLoginThrottle extends LoginThrottle {
  constructor(database: SqlDatabase, @InjectConfig() config: AppConfig) {
    super(database, { table: 'maxbridge_login_failures', ...config.maxbridge.loginThrottle });
  }
}
