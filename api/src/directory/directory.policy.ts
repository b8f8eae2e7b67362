/**
 * Who sees whom in the alumni directory: the one read rule, in SQL, used by every path (the directory
 * list, an organization's focal points, the name policy's directory relation, contact).
 *
 * - Signed-out visitors see nobody.
 * - Signed-in members see profiles set to MEMBERS.
 * - Admins see every profile, HIDDEN ones too (`Profile.visibility` tells them apart).
 * - Suspended and deleted accounts are listed to nobody.
 *
 * A focal point is a profile like any other: a HIDDEN focal point is shown to admins only, on the
 * directory and on its organization's page alike (the person chose not to be listed; admins still know
 * whom they marked).
 */
export type DirectoryViewer = 'admin' | 'member' | null;

/** SQL true when the profile `p` of the account `u` is listed to the viewer. No parameters needed. */
export function listedSql(p: string, u: string, viewer: DirectoryViewer): string {
  if (!viewer) return 'false';
  const active = `${u}.suspended_at IS NULL AND ${u}.deleted_at IS NULL`;
  return viewer === 'admin' ? `(${active})` : `(${active} AND ${p}.visibility = 'MEMBERS')`;
}
