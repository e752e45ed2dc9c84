import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One identity document in `userDocs` (seed 003), field names as the seed writes them. */
export class UserDocDto {
  @ApiProperty({ description: 'Document id in the PAM&Wallet', example: 123456 }) ID: number;
  @ApiProperty({
    description:
      'Document type id: 1 IDCard, 2 Passport, 3 HomeRegistry, 4 DriverLicense, ... (seed table)',
    example: 1,
  })
  DocumentTypeID: number;
  @ApiProperty({ description: 'Document number', example: 'A1234567' }) DocumentNumber: string;
  @ApiProperty({ description: "User's personal id", example: 'P987654', nullable: true })
  PersonalID: string | null;
  @ApiProperty({ description: 'Issuer country (ISO 3166-1 numeric)', example: 44, nullable: true })
  DocumentCountryID: number | null;
  @ApiProperty({ description: 'Issue date', example: '2022-01-15', nullable: true })
  DocumentIssueDate: string | null;
  @ApiProperty({ description: 'Expiry date', example: '2032-01-14', nullable: true })
  DocumentExpirationDate: string | null;
  @ApiProperty({ description: 'Issuing authority', example: 'Gov Agency', nullable: true })
  DocumentIssuingAuthority: string | null;
  @ApiProperty({ description: 'Issuing place', example: 'City Center', nullable: true })
  DocumentIssuingPlace: string | null;
  @ApiProperty({ description: "Document's additional data", example: { key: 'value' } })
  AdditionalData: Record<string, unknown>;
  @ApiProperty({ description: 'Identifier of user in the PAM&Wallet', example: 78910 })
  UserId: number;
  @ApiProperty({ description: 'Date of last modification', example: '2024-12-31' })
  DateModified: string;
  @ApiProperty({ description: 'Status: 0 Unverified, 1 Verified, 2 Rejected', example: 1 })
  DocumentStatus: number;
  @ApiProperty({ description: 'Status note', example: 'Text', nullable: true })
  StatusNote: string | null;
}

/** `data.userinfo` (seed 003): the seed's field list, in its order. */
export class UserInfoDto {
  @ApiProperty({ description: "User's balance in cents, in `currency`", example: 125000 })
  balance: number;
  @ApiProperty({
    description: "Balance currency (ISO 4217): the preferred currency's account",
    example: 'USD',
  })
  currency: string;
  @ApiProperty({ description: 'Identifier of user in the PAM&Wallet', example: 10000 })
  userID: number;
  @ApiProperty({ description: 'Username in PAM&Wallet', example: 'exampleUser' }) userName: string;
  @ApiProperty({ description: "User's full name", example: 'John Doe', nullable: true })
  fullName: string | null;
  @ApiProperty({ description: "User's birth date", example: '1985-05-15', nullable: true })
  birthDate: string | null;
  @ApiProperty({ description: 'Largest transaction allowed, in cents', example: 1000 })
  transactionMaxLimit: number;
  @ApiProperty({ description: 'Smallest transaction allowed, in cents', example: 10 })
  transactionMinLimit: number;
  @ApiProperty({
    description:
      'Status: 1 Registered, 2 Verified, 3 Full Block, 4 Game Block, 5 Withdraw Blocked, 6 VIP',
    example: 2,
  })
  userStatusID: number;
  @ApiProperty({ description: 'Preferred currency (ISO 4217 numeric)', example: 840 })
  preferredCurrencyID: number;
  @ApiProperty({ description: 'Registration domain', example: 'example.com', nullable: true })
  registrationDomain: string | null;
  @ApiProperty({ description: 'Additional data', example: { key: 'value' } })
  additionalData: Record<string, unknown>;
  @ApiProperty({ type: [UserDocDto] }) userDocs: UserDocDto[];
}

export class UserInfoDataDto {
  @ApiProperty({ type: UserInfoDto }) userinfo: UserInfoDto;
}

export class UserInfoAnswerDto {
  @ApiProperty({ description: 'Status code (10: success)', example: 10 }) code: number;
  @ApiProperty({ example: 'success' }) message: string;
  @ApiPropertyOptional({ type: UserInfoDataDto }) data?: UserInfoDataDto;
}
