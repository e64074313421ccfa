'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/auth';
import { endOwnSessions } from '@/db/admin/users';
import { AuthorizationError } from '@/lib/auth/session';
import { clientAddress } from '@/lib/client-address';

/** Ends every session of the signed-in user (the cookie is cleared and its version retired). */
export async function signOutAction(): Promise<void> {
  try {
    await endOwnSessions(clientAddress(await headers()));
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
  }
  await signOut({ redirect: false });
  redirect('/admin/sign-in?signedOut=1');
}
