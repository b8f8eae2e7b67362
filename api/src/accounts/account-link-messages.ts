/**
 * The words of account emails (reset, verification, email change), in the languages Kapwa speaks.
 * A reader's language falls back to English. The link itself is added below the body.
 */
type AccountEmail = { title: string; body: string };

type Catalogue = {
  passwordReset: (name: string) => AccountEmail;
  verifyEmail: (name: string) => AccountEmail;
  changeEmail: (name: string) => AccountEmail;
  changeEmailNotice: (name: string) => AccountEmail;
};

const CATALOGUES: Record<string, Catalogue> = {
  en: {
    passwordReset: (name) => ({
      title: 'Reset your Kapwa password',
      body: `Hello ${name},\n\nSomeone asked to reset the password of your Kapwa account. If it was you, open the link below within 30 minutes to choose a new password. It works once.\n\nIf it was not you, ignore this email: your password stays as it is.`,
    }),
    verifyEmail: (name) => ({
      title: 'Confirm your email address for Kapwa',
      body: `Hello ${name},\n\nPlease confirm that this is your email address by opening the link below. It works once, within 3 days.`,
    }),
    changeEmail: (name) => ({
      title: 'Confirm your new email address for Kapwa',
      body: `Hello ${name},\n\nYou asked to use this address for your Kapwa account. Open the link below within 24 hours to confirm it. Until then your account keeps its current address.`,
    }),
    changeEmailNotice: (name) => ({
      title: 'Your Kapwa email address is about to change',
      body: `Hello ${name},\n\nSomeone asked to move your Kapwa account to another email address. It changes only if the new address is confirmed.\n\nIf it was not you, change your password now and log out everywhere from your profile.`,
    }),
  },
  th: {
    passwordReset: (name) => ({
      title: 'ตั้งรหัสผ่าน Kapwa ใหม่',
      body: `สวัสดี ${name}\n\nมีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชี Kapwa ของคุณ หากเป็นคุณ โปรดเปิดลิงก์ด้านล่างภายใน 30 นาทีเพื่อเลือกรหัสผ่านใหม่ ลิงก์ใช้ได้ครั้งเดียว\n\nหากไม่ใช่คุณ ไม่ต้องทำอะไร รหัสผ่านของคุณจะยังคงเดิม`,
    }),
    verifyEmail: (name) => ({
      title: 'ยืนยันอีเมลของคุณสำหรับ Kapwa',
      body: `สวัสดี ${name}\n\nโปรดยืนยันว่านี่คืออีเมลของคุณโดยเปิดลิงก์ด้านล่าง ลิงก์ใช้ได้ครั้งเดียวภายใน 3 วัน`,
    }),
    changeEmail: (name) => ({
      title: 'ยืนยันอีเมลใหม่ของคุณสำหรับ Kapwa',
      body: `สวัสดี ${name}\n\nคุณขอใช้อีเมลนี้กับบัญชี Kapwa ของคุณ โปรดเปิดลิงก์ด้านล่างภายใน 24 ชั่วโมงเพื่อยืนยัน ระหว่างนี้บัญชีของคุณยังใช้อีเมลเดิม`,
    }),
    changeEmailNotice: (name) => ({
      title: 'อีเมลของบัญชี Kapwa ของคุณกำลังจะเปลี่ยน',
      body: `สวัสดี ${name}\n\nมีผู้ขอย้ายบัญชี Kapwa ของคุณไปใช้อีเมลอื่น อีเมลจะเปลี่ยนก็ต่อเมื่อมีการยืนยันอีเมลใหม่แล้วเท่านั้น\n\nหากไม่ใช่คุณ โปรดเปลี่ยนรหัสผ่านทันที และออกจากระบบทุกอุปกรณ์จากหน้าโปรไฟล์`,
    }),
  },
};

export function accountEmailsFor(locale: string): Catalogue {
  return CATALOGUES[locale.split('-')[0]] ?? CATALOGUES.en;
}
