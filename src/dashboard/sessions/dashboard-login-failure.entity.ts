import { Entity } from 'typeorm';
import { LoginFailureColumns } from '../../common/auth/login-failure.columns';

/** Failed dashboard logins: past a few, each answer is slowed down; past more, 429 for a while. */
@Entity('dashboard_login_failures')
export class DashboardLoginFailureEntity extends LoginFailureColumns {}
