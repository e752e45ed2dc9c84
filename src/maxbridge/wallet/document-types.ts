/**
 * Identity document types (seed 003, "ID | Name"), as written there: 13 is not in the table, and
 * 100 and 101 share a name.
 */
export const DOCUMENT_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'IDCard'],
  [2, 'Passport'],
  [3, 'HomeRegistry'],
  [4, 'DriverLicense'],
  [5, 'Warrant'],
  [6, 'FaceID'],
  [7, 'OtherID'],
  [8, 'ProofofAddress'],
  [9, 'BankStatement'],
  [10, 'ScanofCard'],
  [11, 'ScreenshotofeWallet'],
  [12, 'SourceofFunds'],
  [14, 'BankAccountID'],
  [15, 'RefugeeIDCertificate'],
  [16, 'ElectronicRegistry'],
  [17, 'Ekeng'],
  [100, 'OtherDocuments'],
  [101, 'OtherDocuments'],
]);

/**
 * A document's review status (`DocumentStatus`). The seed shows `1` and names "Verified,
 * Unverified etc." without numbering them; these numbers are ours.
 */
export enum DocumentStatus {
  Unverified = 0,
  Verified = 1,
  Rejected = 2,
}
