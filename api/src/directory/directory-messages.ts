/** The words of a directory contact message, in the languages Kapwa speaks; a reader's language falls back to English. */
type Words = {
  contactTitle: (sender: string) => string;
  /** `listed`: the sender is listed in the directory, so the link leads to them. */
  contactBody: (sender: string, message: string, listed: boolean) => string;
};

const WORDS: Record<string, Words> = {
  en: {
    contactTitle: (sender) => `${sender} sent you a message through the directory`,
    contactBody: (sender, message, listed) =>
      `${sender} wrote:\n\n${message}\n\n${listed ? 'Open their directory profile to reply.' : 'They are not listed in the directory; Kapwa does not share either of your email addresses.'}`,
  },
  th: {
    contactTitle: (sender) => `${sender} ส่งข้อความถึงคุณผ่านทำเนียบสมาชิก`,
    contactBody: (sender, message, listed) =>
      `${sender} เขียนว่า:\n\n${message}\n\n${listed ? 'เปิดโปรไฟล์ของเขาในทำเนียบสมาชิกเพื่อตอบกลับ' : 'ผู้ส่งไม่ได้แสดงในทำเนียบสมาชิก Kapwa ไม่เปิดเผยอีเมลของทั้งสองฝ่าย'}`,
  },
  ne: {
    contactTitle: (sender) => `${sender} ले निर्देशिकामार्फत तपाईंलाई सन्देश पठाउनुभयो`,
    contactBody: (sender, message, listed) =>
      `${sender} ले लेख्नुभयो:\n\n${message}\n\n${listed ? 'जवाफ दिन उहाँको निर्देशिका प्रोफाइल खोल्नुहोस्।' : 'उहाँ निर्देशिकामा सूचीबद्ध हुनुहुन्न; Kapwa ले तपाईंहरू कसैको इमेल ठेगाना साझा गर्दैन।'}`,
  },
  my: {
    contactTitle: (sender) => `${sender} က လမ်းညွှန်မှတစ်ဆင့် သင့်ထံ မက်ဆေ့ချ်ပို့ခဲ့သည်`,
    contactBody: (sender, message, listed) =>
      `${sender} ရေးသားချက်-\n\n${message}\n\n${listed ? 'ပြန်စာရေးရန် ၎င်း၏ လမ်းညွှန်ပရိုဖိုင်ကို ဖွင့်ပါ။' : '၎င်းသည် လမ်းညွှန်တွင် မပါဝင်ပါ။ Kapwa သည် သင်တို့နှစ်ဦးစလုံး၏ အီးမေးလ်လိပ်စာကို မမျှဝေပါ။'}`,
  },
};

export function directoryWords(locale: string | null | undefined): Words {
  return WORDS[(locale ?? 'en').split('-')[0]] ?? WORDS.en;
}
