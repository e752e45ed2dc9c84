/**
 * Rate limits count per clock minute. A test that needs several requests in one window waits
 * for the next minute when fewer than `needSeconds` are left in this one.
 */
export async function awaitRoomInWindow(needSeconds = 8): Promise<void> {
  const msLeft = 60_000 - (Date.now() % 60_000);
  if (msLeft < needSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, msLeft + 50));
}
