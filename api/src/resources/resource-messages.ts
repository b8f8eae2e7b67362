/** The words of resource-library notifications, in the languages Kapwa speaks; a reader's language falls back to English. */
type Words = {
  approvedTitle: (title: string) => string;
  approvedBody: (title: string) => string;
  declinedTitle: (title: string) => string;
  declinedBody: (title: string, reason: string | null) => string;
};

const WORDS: Record<string, Words> = {
  en: {
    approvedTitle: (title) => `Your suggestion "${title}" is in the resource library`,
    approvedBody: (title) => `An admin approved your suggestion "${title}": it is now in the resource library for everyone in the network.`,
    declinedTitle: (title) => `Your suggestion "${title}" was not added`,
    declinedBody: (title, reason) => `An admin reviewed your suggestion "${title}" and did not add it to the resource library.${reason ? ` The reason: ${reason}` : ''}`,
  },
  th: {
    approvedTitle: (title) => `ข้อเสนอ "${title}" ของคุณอยู่ในคลังทรัพยากรแล้ว`,
    approvedBody: (title) => `ผู้ดูแลระบบอนุมัติข้อเสนอ "${title}" ของคุณแล้ว ตอนนี้ทุกคนในเครือข่ายเข้าถึงได้ในคลังทรัพยากร`,
    declinedTitle: (title) => `ข้อเสนอ "${title}" ของคุณไม่ได้รับการเพิ่ม`,
    declinedBody: (title, reason) => `ผู้ดูแลระบบได้พิจารณาข้อเสนอ "${title}" ของคุณและไม่ได้เพิ่มลงในคลังทรัพยากร${reason ? ` เหตุผล: ${reason}` : ''}`,
  },
  ne: {
    approvedTitle: (title) => `तपाईंको सुझाव "${title}" स्रोत पुस्तकालयमा थपियो`,
    approvedBody: (title) => `एक प्रशासकले तपाईंको सुझाव "${title}" स्वीकृत गर्नुभयो: अब यो सञ्जालका सबैका लागि स्रोत पुस्तकालयमा छ।`,
    declinedTitle: (title) => `तपाईंको सुझाव "${title}" थपिएन`,
    declinedBody: (title, reason) => `एक प्रशासकले तपाईंको सुझाव "${title}" हेर्नुभयो र यसलाई स्रोत पुस्तकालयमा थप्नुभएन।${reason ? ` कारण: ${reason}` : ''}`,
  },
  my: {
    approvedTitle: (title) => `သင်၏ အကြံပြုချက် "${title}" ကို အရင်းအမြစ်စာကြည့်တိုက်တွင် ထည့်ပြီးပါပြီ`,
    approvedBody: (title) => `စီမံသူတစ်ဦးက သင်၏ အကြံပြုချက် "${title}" ကို အတည်ပြုခဲ့သည်။ ယခု ကွန်ရက်ရှိ လူတိုင်းအတွက် အရင်းအမြစ်စာကြည့်တိုက်တွင် ရှိနေပါပြီ။`,
    declinedTitle: (title) => `သင်၏ အကြံပြုချက် "${title}" ကို မထည့်ခဲ့ပါ`,
    declinedBody: (title, reason) => `စီမံသူတစ်ဦးက သင်၏ အကြံပြုချက် "${title}" ကို သုံးသပ်ပြီး အရင်းအမြစ်စာကြည့်တိုက်တွင် မထည့်ခဲ့ပါ။${reason ? ` အကြောင်းရင်း- ${reason}` : ''}`,
  },
};

export function resourceWords(locale: string | null | undefined): Words {
  return WORDS[(locale ?? 'en').split('-')[0]] ?? WORDS.en;
}
