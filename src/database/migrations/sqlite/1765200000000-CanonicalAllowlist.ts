import { MigrationInterface, QueryRunner } from 'typeorm';
import { canonicaliseAllowlist } from '../data/1765200000000-canonical-allowlist';

/** Allowlisted IPs and phones in the spelling detection compares (IPv6 canonical, bare phones). */
export class CanonicalAllowlist1765200000000 implements MigrationInterface {
  name = 'CanonicalAllowlist1765200000000';

  public async up(q: QueryRunner): Promise<void> {
    await canonicaliseAllowlist(q);
  }

  public async down(): Promise<void> {
    // The spellings before are not kept: the canonical ones mean the same identifiers.
  }
}
