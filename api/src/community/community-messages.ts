/** The words of community notifications, in the languages Kapwa speaks; a reader's language falls back to English. */
type Words = {
  mentionedTitle: (author: string, thread: string) => string;
  mentionedBody: (author: string, thread: string, space: string) => string;
  replyTitle: (author: string, thread: string) => string;
  replyBody: (author: string, thread: string, space: string) => string;
  hiddenTitle: (thread: string) => string;
  hiddenBody: (thread: string, reason: string | null) => string;
};

const WORDS: Record<string, Words> = {
  en: {
    mentionedTitle: (author, thread) => `${author} mentioned you in "${thread}"`,
    mentionedBody: (author, thread, space) => `${author} mentioned you in "${thread}" (${space}).`,
    replyTitle: (author, thread) => `${author} replied to "${thread}"`,
    replyBody: (author, thread, space) => `${author} replied to your thread "${thread}" (${space}).`,
    hiddenTitle: (thread) => `A moderator hid your post in "${thread}"`,
    hiddenBody: (thread, reason) => `A moderator hid your post in "${thread}".${reason ? ` The reason: ${reason}` : ''}`,
  },
  th: {
    mentionedTitle: (author, thread) => `${author} กล่าวถึงคุณใน "${thread}"`,
    mentionedBody: (author, thread, space) => `${author} กล่าวถึงคุณในกระทู้ "${thread}" (${space})`,
    replyTitle: (author, thread) => `${author} ตอบกระทู้ "${thread}"`,
    replyBody: (author, thread, space) => `${author} ตอบกระทู้ของคุณ "${thread}" (${space})`,
    hiddenTitle: (thread) => `ผู้ดูแลได้ซ่อนโพสต์ของคุณใน "${thread}"`,
    hiddenBody: (thread, reason) => `ผู้ดูแลได้ซ่อนโพสต์ของคุณในกระทู้ "${thread}"${reason ? ` เหตุผล: ${reason}` : ''}`,
  },
  ne: {
    mentionedTitle: (author, thread) => `${author} ले "${thread}" मा तपाईंलाई उल्लेख गर्नुभयो`,
    mentionedBody: (author, thread, space) => `${author} ले "${thread}" (${space}) मा तपाईंलाई उल्लेख गर्नुभयो।`,
    replyTitle: (author, thread) => `${author} ले "${thread}" मा जवाफ दिनुभयो`,
    replyBody: (author, thread, space) => `${author} ले तपाईंको थ्रेड "${thread}" (${space}) मा जवाफ दिनुभयो।`,
    hiddenTitle: (thread) => `एक मध्यस्थकर्ताले "${thread}" मा तपाईंको पोस्ट लुकाउनुभयो`,
    hiddenBody: (thread, reason) => `एक मध्यस्थकर्ताले "${thread}" मा तपाईंको पोस्ट लुकाउनुभयो।${reason ? ` कारण: ${reason}` : ''}`,
  },
  my: {
    mentionedTitle: (author, thread) => `${author} က "${thread}" တွင် သင့်ကို ဖော်ပြခဲ့သည်`,
    mentionedBody: (author, thread, space) => `${author} က "${thread}" (${space}) တွင် သင့်ကို ဖော်ပြခဲ့သည်။`,
    replyTitle: (author, thread) => `${author} က "${thread}" ကို ပြန်စာရေးခဲ့သည်`,
    replyBody: (author, thread, space) => `${author} က သင့်ဆွေးနွေးချက် "${thread}" (${space}) ကို ပြန်စာရေးခဲ့သည်။`,
    hiddenTitle: (thread) => `စီမံသူတစ်ဦးက "${thread}" ရှိ သင့်ပို့စ်ကို ဖုံးကွယ်ခဲ့သည်`,
    hiddenBody: (thread, reason) => `စီမံသူတစ်ဦးက "${thread}" ရှိ သင့်ပို့စ်ကို ဖုံးကွယ်ခဲ့သည်။${reason ? ` အကြောင်းရင်း- ${reason}` : ''}`,
  },
};

export function communityWords(locale: string | null | undefined): Words {
  return WORDS[(locale ?? 'en').split('-')[0]] ?? WORDS.en;
}
