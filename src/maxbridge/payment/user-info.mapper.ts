import { currencyByNumeric } from '../../common/iso/currencies';
import type { DocumentRow } from '../wallet/wallet.repository';
import { displayedAccount, type WalletUser } from '../wallet/wallet.service';
import type { UserDocDto, UserInfoDataDto } from './dto/user-info.answer';

const jsonObject = (text: string | null): Record<string, unknown> =>
  text ? (JSON.parse(text) as Record<string, unknown>) : {};

/** `data` of get-user-info: the seed's `userinfo`, its fields in the seed's order. */
export function toUserInfoData({ user, accounts, documents }: WalletUser): UserInfoDataDto {
  const account = displayedAccount(user, accounts);
  return {
    userinfo: {
      balance: account ? Number(account.balance) : 0,
      currency: account?.currency ?? currencyByNumeric(user.preferred_currency_id)?.code ?? '',
      userID: user.id,
      userName: user.user_name,
      fullName: user.full_name,
      birthDate: user.birth_date,
      transactionMaxLimit: Number(user.transaction_max_limit),
      transactionMinLimit: Number(user.transaction_min_limit),
      userStatusID: user.user_status_id,
      preferredCurrencyID: user.preferred_currency_id,
      registrationDomain: user.registration_domain,
      additionalData: jsonObject(user.additional_data),
      userDocs: documents.map(toUserDoc),
    },
  };
}

function toUserDoc(doc: DocumentRow): UserDocDto {
  return {
    ID: doc.id,
    DocumentTypeID: doc.document_type_id,
    DocumentNumber: doc.document_number,
    PersonalID: doc.personal_id,
    DocumentCountryID: doc.country_id,
    DocumentIssueDate: doc.issue_date,
    DocumentExpirationDate: doc.expiration_date,
    DocumentIssuingAuthority: doc.issuing_authority,
    DocumentIssuingPlace: doc.issuing_place,
    AdditionalData: jsonObject(doc.additional_data),
    UserId: doc.user_id,
    DateModified: doc.modified_at.slice(0, 10),
    DocumentStatus: doc.status,
    StatusNote: doc.status_note,
  };
}
