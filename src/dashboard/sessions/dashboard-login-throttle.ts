import { Injectable } from '@nestjs/common';
import { LoginThrottle } from '../../common/auth/login-throttle';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { SqlDatabase } from '../../database/sql-database';

/** The dashboard login's throttle: DASHBOARD_LOGIN_* settings, failures in `dashboard_login_failures`. */
@Injectable()
export class DashboardLoginThrottle extends LoginThrottle {
  constructor(database: SqlDatabase, @InjectConfig() config: AppConfig) {
    super(database, { table: 'dashboard_login_failures', ...config.dashboard.loginThrottle });
  }
}
