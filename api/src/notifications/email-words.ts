/**
 * The words around notification emails and of the community digest, in the languages Kapwa speaks; a
 * reader's language falls back to English (as messages.ts and community-messages.ts do).
 */
export type EmailWords = {
  /** The footer line with the one-click unsubscribe link of this kind of email. */
  unsubscribe: (url: string) => string;
  /** The footer line pointing to the preferences page. */
  preferences: (url: string) => string;
  digestTitle: (frequency: 'DAILY' | 'WEEKLY', count: number) => string;
  digestIntro: (frequency: 'DAILY' | 'WEEKLY') => string;
  newThread: (thread: string, author: string) => string;
  replies: (thread: string, count: number) => string;
};

const WORDS: Record<string, EmailWords> = {
  en: {
    unsubscribe: (url) => `Stop these emails with one click: ${url}`,
    preferences: (url) => `Choose which emails you get: ${url}`,
    digestTitle: (frequency, count) => `${frequency === 'DAILY' ? 'Today' : 'This week'} in your community: ${count} new ${count === 1 ? 'post' : 'posts'}`,
    digestIntro: (frequency) => `New threads and replies in your spaces since your last ${frequency === 'DAILY' ? 'daily' : 'weekly'} digest:`,
    newThread: (thread, author) => `New thread: "${thread}" by ${author}`,
    replies: (thread, count) => `${count} new ${count === 1 ? 'reply' : 'replies'} in "${thread}"`,
  },
  th: {
    unsubscribe: (url) => `หยุดรับอีเมลประเภทนี้ได้ในคลิกเดียว: ${url}`,
    preferences: (url) => `เลือกอีเมลที่คุณต้องการรับ: ${url}`,
    digestTitle: (frequency, count) => `${frequency === 'DAILY' ? 'วันนี้' : 'สัปดาห์นี้'}ในชุมชนของคุณ: โพสต์ใหม่ ${count} รายการ`,
    digestIntro: (frequency) => `กระทู้และคำตอบใหม่ในพื้นที่ของคุณนับตั้งแต่สรุป${frequency === 'DAILY' ? 'รายวัน' : 'รายสัปดาห์'}ครั้งล่าสุด:`,
    newThread: (thread, author) => `กระทู้ใหม่: "${thread}" โดย ${author}`,
    replies: (thread, count) => `คำตอบใหม่ ${count} รายการใน "${thread}"`,
  },
  ne: {
    unsubscribe: (url) => `एक क्लिकमा यी इमेलहरू रोक्नुहोस्: ${url}`,
    preferences: (url) => `कुन इमेलहरू पाउने छान्नुहोस्: ${url}`,
    digestTitle: (frequency, count) => `${frequency === 'DAILY' ? 'आज' : 'यो हप्ता'} तपाईंको समुदायमा: ${count} नयाँ पोस्ट`,
    digestIntro: (frequency) => `तपाईंको पछिल्लो ${frequency === 'DAILY' ? 'दैनिक' : 'साप्ताहिक'} सारांशपछि तपाईंका स्पेसहरूमा नयाँ थ्रेड र जवाफहरू:`,
    newThread: (thread, author) => `नयाँ थ्रेड: ${author} को "${thread}"`,
    replies: (thread, count) => `"${thread}" मा ${count} नयाँ जवाफ`,
  },
  my: {
    unsubscribe: (url) => `ဤအီးမေးလ်များကို တစ်ချက်နှိပ်ရုံဖြင့် ရပ်ပါ- ${url}`,
    preferences: (url) => `သင်ရယူလိုသော အီးမေးလ်များကို ရွေးချယ်ပါ- ${url}`,
    digestTitle: (frequency, count) => `${frequency === 'DAILY' ? 'ယနေ့' : 'ဤအပတ်'} သင့်အသိုင်းအဝိုင်းတွင်- ပို့စ်အသစ် ${count} ခု`,
    digestIntro: (frequency) => `သင့်နောက်ဆုံး ${frequency === 'DAILY' ? 'နေ့စဉ်' : 'အပတ်စဉ်'} အနှစ်ချုပ်ပြီးနောက် သင့်နေရာများရှိ ဆွေးနွေးချက်အသစ်နှင့် ပြန်စာများ-`,
    newThread: (thread, author) => `ဆွေးနွေးချက်အသစ်- ${author} ၏ "${thread}"`,
    replies: (thread, count) => `"${thread}" တွင် ပြန်စာအသစ် ${count} ခု`,
  },
};

export function emailWords(locale: string | null | undefined): EmailWords {
  return WORDS[(locale ?? 'en').split('-')[0]] ?? WORDS.en;
}
