/** The words of the "join the network" notification, in the languages Kapwa speaks; falls back to English. */
type Words = {
  invitedTitle: (course: string) => string;
  invitedBody: (course: string, spaces: string[]) => string;
};

const WORDS: Record<string, Words> = {
  en: {
    invitedTitle: (course) => `Join the network of ${course}`,
    invitedBody: (course, spaces) => `Congratulations on completing "${course}". Keep learning with its alumni: you are invited to join ${spaces.map((s) => `"${s}"`).join(', ')}.`,
  },
  th: {
    invitedTitle: (course) => `เข้าร่วมเครือข่ายของ ${course}`,
    invitedBody: (course, spaces) => `ขอแสดงความยินดีที่คุณเรียนจบหลักสูตร "${course}" เรียนรู้ต่อไปกับศิษย์เก่า: คุณได้รับเชิญให้เข้าร่วม ${spaces.map((s) => `"${s}"`).join(', ')}`,
  },
  ne: {
    invitedTitle: (course) => `${course} को सञ्जालमा सामेल हुनुहोस्`,
    invitedBody: (course, spaces) => `"${course}" पूरा गर्नुभएकोमा बधाई छ। यसका पूर्व सहभागीहरूसँग सिक्दै जानुहोस्: तपाईंलाई ${spaces.map((s) => `"${s}"`).join(', ')} मा सामेल हुन निम्तो दिइएको छ।`,
  },
  my: {
    invitedTitle: (course) => `${course} ၏ ကွန်ရက်သို့ ဝင်ရောက်ပါ`,
    invitedBody: (course, spaces) => `"${course}" ကို ပြီးဆုံးသည့်အတွက် ဂုဏ်ယူပါသည်။ ၎င်း၏ သင်တန်းဆင်းများနှင့် ဆက်လက်သင်ယူပါ- ${spaces.map((s) => `"${s}"`).join('၊ ')} သို့ ဝင်ရောက်ရန် သင့်ကို ဖိတ်ကြားထားပါသည်။`,
  },
};

export function networkWords(locale: string | null | undefined): Words {
  return WORDS[(locale ?? 'en').split('-')[0]] ?? WORDS.en;
}
