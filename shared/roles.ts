/**
 * Roles of the regulation. `penilai` is derived (whoever appraises someone today), the others are
 * granted. Every authenticated user is a `pegawai`.
 */
export const roles = ['pegawai', 'penilai', 'pengelola', 'admin_pusat'] as const;
export type Role = (typeof roles)[number];

/** Who may call a command: a role, any signed-in user, or anyone (first run, login, health). */
export type Access = Role | 'authenticated' | 'public';
