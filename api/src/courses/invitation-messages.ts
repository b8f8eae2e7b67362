/** The words of a course invitation email, in the reader's language (English when Kapwa lacks it). */
type InvitationWords = {
  subject: (course: string) => string;
  body: (course: string, hasAccount: boolean, link: string, expires: string) => string;
};

const WORDS: Record<string, InvitationWords> = {
  en: {
    subject: (course) => `You are invited to "${course}" on Kapwa`,
    body: (course, hasAccount, link, expires) =>
      `You are invited to join the course "${course}" on Kapwa.\n\n` +
      (hasAccount ? 'Log in with this email address, then open this link to join:' : 'Create a Kapwa account with this email address, then open this link to join:') +
      `\n${link}\n\nThe link works once, until ${expires}. If you did not expect this, ignore this email.`,
  },
  th: {
    subject: (course) => `คุณได้รับเชิญเข้าร่วม "${course}" บน Kapwa`,
    body: (course, hasAccount, link, expires) =>
      `คุณได้รับเชิญเข้าร่วมหลักสูตร "${course}" บน Kapwa\n\n` +
      (hasAccount ? 'เข้าสู่ระบบด้วยอีเมลนี้ แล้วเปิดลิงก์นี้เพื่อเข้าร่วม:' : 'สร้างบัญชี Kapwa ด้วยอีเมลนี้ แล้วเปิดลิงก์นี้เพื่อเข้าร่วม:') +
      `\n${link}\n\nลิงก์นี้ใช้ได้ครั้งเดียว จนถึง ${expires} หากคุณไม่ได้คาดหวังอีเมลนี้ โปรดเพิกเฉย`,
  },
};

export function invitationWords(locale: string): InvitationWords {
  return WORDS[locale.split('-')[0]] ?? WORDS.en;
}
