import { Entity } from 'typeorm';
import { LoginFailureColumns } from '../../../common/auth/login-failure.columns';

/** Failed core logins: past a few, each answer is slowed down; past more, 124 for a while. */
@Entity('maxbridge_login_failures')
export class LoginFailureEntity extends LoginFailureColumns {}
