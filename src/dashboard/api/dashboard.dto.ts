import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { hasControlCharacters, isWellFormed } from '../../common/text/well-formed';
import { ROLES } from '../users/roles';

/** Text that can be stored as sent: no half surrogate pair, no control character. */
export const IsCleanText = (label: string) =>
  ValidateBy({
    name: 'isCleanText',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && isWellFormed(value) && !hasControlCharacters(value),
      defaultMessage: () => `${label} must be text without control characters`,
    },
  });

/**
 * An email address, checked here rather than by class-validator's IsEmail, which throws on text
 * that is not well-formed instead of refusing it.
 */
const IsEmailAddress = () =>
  ValidateBy({
    name: 'isEmailAddress',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        isWellFormed(value) &&
        /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(value),
      defaultMessage: () => 'email must be an email address',
    },
  });

export class LoginDto {
  @ApiProperty({ example: 'awa.diallo@operator.sn' })
  @IsString()
  @IsCleanText('email')
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @IsCleanText('password')
  @MaxLength(200)
  password: string;
}

export class InviteDto {
  @ApiProperty({ example: 'moussa.keita@operator.ml' })
  @IsEmailAddress()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'analyst' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: string;
}

export class UserChangeDto {
  @ApiPropertyOptional({ enum: ROLES, example: 'viewer' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: string;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token of the one-time link', example: 'q3Xr0…' })
  @IsString()
  @IsCleanText('token')
  @Length(10, 100)
  token: string;

  @ApiProperty({ description: '10 to 200 characters', example: 'a long passphrase of mine' })
  @IsString()
  @IsCleanText('password')
  @MaxLength(200)
  password: string;
}

export class DashboardUserDto {
  @ApiProperty({ example: 3 })
  id: number;

  @ApiProperty({ example: 'awa.diallo@operator.sn' })
  email: string;

  @ApiProperty({ enum: ROLES, example: 'admin' })
  role: string;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ description: 'Invited, and the link not opened yet', example: false })
  invited: boolean;

  @ApiProperty({ example: '2026-12-06T10:15:42.906113Z' })
  created_at: string;
}

export class SessionDto {
  @ApiProperty({ type: () => DashboardUserDto })
  user: DashboardUserDto;

  @ApiProperty({ example: 7, description: 'The team the user belongs to (and sees, alone)' })
  team_id: number;

  @ApiProperty({ description: 'Send it back in X-CSRF-Token with every change' })
  csrf_token: string;

  @ApiProperty({ example: '2026-12-06T22:15:42.906113Z' })
  expires_at: string;
}

export class InvitationDto {
  @ApiProperty({ type: () => DashboardUserDto })
  user: DashboardUserDto;

  @ApiProperty({
    description: 'The one-time link, shown once: hand it to the person (no mail is sent)',
    example: '/dashboard#/invitation/q3Xr0…',
  })
  link: string;

  @ApiProperty({ example: '2026-12-13T10:15:42.906113Z' })
  expires_at: string;
}

export class DashboardErrorBodyDto {
  @ApiProperty({
    example: { code: 'csrf_failed', message: 'X-CSRF-Token is missing or wrong' },
    description: '`code` names the refusal; validation errors add `fields`',
  })
  error: { code: string; message: string; fields?: string[] };
}

export class TeamSettingsDto {
  @ApiProperty({ description: 'An IANA time zone', example: 'Africa/Dakar' })
  @IsString()
  @MaxLength(64)
  time_zone: string;
}
