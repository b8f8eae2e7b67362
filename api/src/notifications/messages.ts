import { formatCalendarDateWithZones, formatInstantWithZones } from '@kapwa/shared';

/**
 * The words of notifications, in the languages Kapwa speaks. A reader's language falls back to
 * English; dates and times are written by the one shared formatter (`@kapwa/shared` date-format):
 * a session's time in the reader's zone with the organiser's, a course's dates in the course's zone.
 */
type Catalogue = {
  /** `soon`: a reminder sent at once because the session was scheduled less than an hour before it starts. */
  reminderTitle: (title: string, when: '24h' | '1h' | 'soon') => string;
  reminderBody: (title: string, course: string, time: string) => string;
  scheduledTitle: (title: string) => string;
  scheduledBody: (title: string, course: string, time: string) => string;
  cancelledTitle: (title: string) => string;
  cancelledBody: (title: string, course: string, time: string) => string;
  rescheduledTitle: (title: string) => string;
  rescheduledBody: (title: string, course: string, time: string) => string;
  /** `starts`: the course's first day, or null when it has no start date. */
  addedTitle: (course: string) => string;
  addedBody: (course: string, role: 'LEARNER' | 'TRAINER', starts: string | null) => string;
  certificateTitle: (course: string) => string;
  certificateBody: (course: string, code: string) => string;
  gradeReleasedTitle: (assignment: string) => string;
  gradeReleasedBody: (assignment: string, course: string) => string;
  /** `comment`: the trainer's note on what to revise, or null. */
  returnedTitle: (assignment: string) => string;
  returnedBody: (assignment: string, course: string, comment: string | null) => string;
  /** To a reviewer: an application to review (never who applied: reviews are blind). */
  grantReviewTitle: (call: string) => string;
  grantReviewBody: (application: string, call: string) => string;
  /** To the applicant organization's members: the decision, with the admins' message or null. */
  grantDecidedTitle: (application: string, awarded: boolean) => string;
  grantDecidedBody: (application: string, call: string, awarded: boolean, message: string | null) => string;
};

const CATALOGUES: Record<string, Catalogue> = {
  en: {
    reminderTitle: (title, when) => (when === '24h' ? `Tomorrow: ${title}` : when === '1h' ? `In one hour: ${title}` : `Starting soon: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) starts ${time}.`,
    scheduledTitle: (title) => `New session: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) has been scheduled for ${time}.`,
    cancelledTitle: (title) => `Cancelled: ${title}`,
    cancelledBody: (title, course, time) => `"${title}" (${course}), planned for ${time}, has been cancelled.`,
    rescheduledTitle: (title) => `New time: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) now starts ${time}.`,
    addedTitle: (course) => `You have been added to ${course}`,
    addedBody: (course, role, starts) =>
      `You are now ${role === 'TRAINER' ? 'a trainer' : 'a learner'} in "${course}".${starts ? ` It starts ${starts}.` : ''}`,
    certificateTitle: (course) => `Your certificate for ${course}`,
    certificateBody: (course, code) => `Congratulations on completing "${course}". Your certificate is ready; its code is ${code}.`,
    gradeReleasedTitle: (assignment) => `Your grade for ${assignment}`,
    gradeReleasedBody: (assignment, course) => `Your work on "${assignment}" (${course}) has been graded. Open it to read the feedback.`,
    returnedTitle: (assignment) => `Returned for revision: ${assignment}`,
    returnedBody: (assignment, course, comment) =>
      `A trainer has returned your work on "${assignment}" (${course}) so you can revise it and submit it again.${comment ? ` Their note: ${comment}` : ''}`,
    grantReviewTitle: (call) => `An application to review: ${call}`,
    grantReviewBody: (application, call) => `You have been asked to review "${application}" (${call}). Reviews are blind. If you have a conflict of interest, declare it before reviewing.`,
    grantDecidedTitle: (application, awarded) => (awarded ? `Awarded: ${application}` : `Decision on ${application}`),
    grantDecidedBody: (application, call, awarded, message) =>
      `${awarded ? `Congratulations: "${application}" (${call}) has been awarded a grant.` : `"${application}" (${call}) was not selected for a grant this time.`}${message ? ` ${message}` : ''}`,
  },
  th: {
    reminderTitle: (title, when) => (when === '24h' ? `พรุ่งนี้: ${title}` : when === '1h' ? `อีกหนึ่งชั่วโมง: ${title}` : `ใกล้จะเริ่มแล้ว: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) เริ่ม ${time}`,
    scheduledTitle: (title) => `นัดหมายใหม่: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) กำหนดไว้ ${time}`,
    cancelledTitle: (title) => `ยกเลิกแล้ว: ${title}`,
    cancelledBody: (title, course, time) => `"${title}" (${course}) ที่กำหนดไว้ ${time} ถูกยกเลิกแล้ว`,
    rescheduledTitle: (title) => `เวลาใหม่: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) เริ่ม ${time}`,
    addedTitle: (course) => `คุณได้รับการเพิ่มเข้าในหลักสูตร ${course}`,
    addedBody: (course, role, starts) =>
      `ตอนนี้คุณเป็น${role === 'TRAINER' ? 'ผู้สอน' : 'ผู้เรียน'}ในหลักสูตร "${course}"${starts ? ` หลักสูตรเริ่ม ${starts}` : ''}`,
    certificateTitle: (course) => `ประกาศนียบัตรของคุณสำหรับ ${course}`,
    certificateBody: (course, code) => `ขอแสดงความยินดีที่คุณเรียนจบหลักสูตร "${course}" ประกาศนียบัตรของคุณพร้อมแล้ว รหัสคือ ${code}`,
    gradeReleasedTitle: (assignment) => `ผลคะแนนของคุณสำหรับ ${assignment}`,
    gradeReleasedBody: (assignment, course) => `งาน "${assignment}" (${course}) ของคุณได้รับการตรวจแล้ว เปิดเพื่ออ่านความเห็นจากผู้สอน`,
    returnedTitle: (assignment) => `ส่งกลับเพื่อแก้ไข: ${assignment}`,
    returnedBody: (assignment, course, comment) =>
      `ผู้สอนได้ส่งงาน "${assignment}" (${course}) กลับมาให้คุณแก้ไขและส่งใหม่อีกครั้ง${comment ? ` ข้อความจากผู้สอน: ${comment}` : ''}`,
    grantReviewTitle: (call) => `ใบสมัครที่รอการพิจารณา: ${call}`,
    grantReviewBody: (application, call) => `คุณได้รับเชิญให้พิจารณา "${application}" (${call}) การพิจารณาเป็นแบบปกปิดชื่อ หากคุณมีผลประโยชน์ทับซ้อน โปรดแจ้งก่อนพิจารณา`,
    grantDecidedTitle: (application, awarded) => (awarded ? `ได้รับทุน: ${application}` : `ผลการพิจารณา ${application}`),
    grantDecidedBody: (application, call, awarded, message) =>
      `${awarded ? `ขอแสดงความยินดี "${application}" (${call}) ได้รับทุนแล้ว` : `"${application}" (${call}) ไม่ได้รับการคัดเลือกในครั้งนี้`}${message ? ` ${message}` : ''}`,
  },
  ne: {
    reminderTitle: (title, when) => (when === '24h' ? `भोलि: ${title}` : when === '1h' ? `एक घण्टामा: ${title}` : `छिट्टै सुरु हुँदैछ: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) ${time} मा सुरु हुन्छ।`,
    scheduledTitle: (title) => `नयाँ सत्र: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) ${time} का लागि तय गरिएको छ।`,
    cancelledTitle: (title) => `रद्द गरियो: ${title}`,
    cancelledBody: (title, course, time) => `${time} का लागि तय गरिएको "${title}" (${course}) रद्द गरिएको छ।`,
    rescheduledTitle: (title) => `नयाँ समय: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) अब ${time} मा सुरु हुन्छ।`,
    addedTitle: (course) => `तपाईंलाई ${course} मा थपिएको छ`,
    addedBody: (course, role, starts) =>
      `तपाईं अब "${course}" मा ${role === 'TRAINER' ? 'प्रशिक्षक' : 'सिकारु'} हुनुहुन्छ।${starts ? ` यो ${starts} मा सुरु हुन्छ।` : ''}`,
    certificateTitle: (course) => `${course} को तपाईंको प्रमाणपत्र`,
    certificateBody: (course, code) => `"${course}" पूरा गर्नुभएकोमा बधाई छ। तपाईंको प्रमाणपत्र तयार छ; यसको कोड ${code} हो।`,
    gradeReleasedTitle: (assignment) => `${assignment} को तपाईंको अङ्क`,
    gradeReleasedBody: (assignment, course) => `"${assignment}" (${course}) मा तपाईंको कामको मूल्याङ्कन भएको छ। प्रतिक्रिया पढ्न यसलाई खोल्नुहोस्।`,
    returnedTitle: (assignment) => `सुधारका लागि फिर्ता: ${assignment}`,
    returnedBody: (assignment, course, comment) =>
      `एक प्रशिक्षकले "${assignment}" (${course}) मा तपाईंको काम सुधारेर फेरि बुझाउन फिर्ता पठाउनुभएको छ।${comment ? ` उहाँको टिप्पणी: ${comment}` : ''}`,
    grantReviewTitle: (call) => `समीक्षा गर्नुपर्ने आवेदन: ${call}`,
    grantReviewBody: (application, call) => `तपाईंलाई "${application}" (${call}) को समीक्षा गर्न अनुरोध गरिएको छ। समीक्षा गोप्य हुन्छ। स्वार्थको द्वन्द्व भए समीक्षा गर्नु अघि जानकारी दिनुहोस्।`,
    grantDecidedTitle: (application, awarded) => (awarded ? `अनुदान प्राप्त: ${application}` : `${application} सम्बन्धी निर्णय`),
    grantDecidedBody: (application, call, awarded, message) =>
      `${awarded ? `बधाई छ: "${application}" (${call}) लाई अनुदान प्रदान गरिएको छ।` : `"${application}" (${call}) यस पटक अनुदानका लागि छानिएन।`}${message ? ` ${message}` : ''}`,
  },
  my: {
    reminderTitle: (title, when) => (when === '24h' ? `မနက်ဖြန်: ${title}` : when === '1h' ? `တစ်နာရီအတွင်း: ${title}` : `မကြာမီ စတင်ပါမည်: ${title}`),
    reminderBody: (title, course, time) => `"${title}" (${course}) ကို ${time} တွင် စတင်ပါမည်။`,
    scheduledTitle: (title) => `အစည်းအဝေးအသစ်: ${title}`,
    scheduledBody: (title, course, time) => `"${title}" (${course}) ကို ${time} တွင် စီစဉ်ထားပါသည်။`,
    cancelledTitle: (title) => `ပယ်ဖျက်လိုက်ပြီ: ${title}`,
    cancelledBody: (title, course, time) => `${time} တွင် စီစဉ်ထားသော "${title}" (${course}) ကို ပယ်ဖျက်လိုက်ပါပြီ။`,
    rescheduledTitle: (title) => `အချိန်သစ်: ${title}`,
    rescheduledBody: (title, course, time) => `"${title}" (${course}) ကို ယခု ${time} တွင် စတင်ပါမည်။`,
    addedTitle: (course) => `သင့်ကို ${course} တွင် ထည့်သွင်းလိုက်ပါပြီ`,
    addedBody: (course, role, starts) =>
      `သင်သည် ယခု "${course}" တွင် ${role === 'TRAINER' ? 'သင်တန်းဆရာ' : 'သင်တန်းသား'} ဖြစ်ပါသည်။${starts ? ` ${starts} တွင် စတင်ပါမည်။` : ''}`,
    certificateTitle: (course) => `${course} အတွက် သင့်လက်မှတ်`,
    certificateBody: (course, code) => `"${course}" ကို ပြီးဆုံးသည့်အတွက် ဂုဏ်ယူပါသည်။ သင့်လက်မှတ် အဆင်သင့်ဖြစ်ပါပြီ၊ ကုဒ်မှာ ${code} ဖြစ်ပါသည်။`,
    gradeReleasedTitle: (assignment) => `${assignment} အတွက် သင့်အမှတ်`,
    gradeReleasedBody: (assignment, course) => `"${assignment}" (${course}) အတွက် သင့်လုပ်ငန်းကို အမှတ်ပေးပြီးပါပြီ။ အကြံပြုချက်ကို ဖတ်ရန် ဖွင့်ပါ။`,
    returnedTitle: (assignment) => `ပြင်ဆင်ရန် ပြန်ပို့ထားသည်: ${assignment}`,
    returnedBody: (assignment, course, comment) =>
      `သင်တန်းဆရာက "${assignment}" (${course}) အတွက် သင့်လုပ်ငန်းကို ပြင်ဆင်ပြီး ထပ်မံတင်သွင်းနိုင်ရန် ပြန်ပို့ထားပါသည်။${comment ? ` မှတ်ချက်: ${comment}` : ''}`,
    grantReviewTitle: (call) => `သုံးသပ်ရန် လျှောက်လွှာ: ${call}`,
    grantReviewBody: (application, call) => `"${application}" (${call}) ကို သုံးသပ်ပေးရန် သင့်ကို တောင်းဆိုထားသည်။ သုံးသပ်ချက်များသည် အမည်မဖော်ပါ။ အကျိုးစီးပွား ပဋိပက္ခ ရှိပါက သုံးသပ်ခြင်းမပြုမီ ကြေညာပါ။`,
    grantDecidedTitle: (application, awarded) => (awarded ? `ထောက်ပံ့ငွေ ရရှိသည်: ${application}` : `${application} အတွက် ဆုံးဖြတ်ချက်`),
    grantDecidedBody: (application, call, awarded, message) =>
      `${awarded ? `ဂုဏ်ယူပါသည်: "${application}" (${call}) သည် ထောက်ပံ့ငွေ ရရှိပါသည်။` : `"${application}" (${call}) သည် ဤအကြိမ်တွင် ရွေးချယ်ခံရခြင်း မရှိပါ။`}${message ? ` ${message}` : ''}`,
  },
};

export function catalogueFor(locale: string): Catalogue {
  return CATALOGUES[locale.split('-')[0]] ?? CATALOGUES.en;
}

export interface Reader {
  timeZone: string;
  locale: string;
}

/** A session's time as this reader should read it. */
export function sessionTimeFor(reader: Reader, startsAt: Date, organiserZone: string): string {
  return formatInstantWithZones(startsAt, reader.timeZone, organiserZone, reader.locale);
}

/** A course's date (its start, a module's opening) as this reader should read it: the course's date, their clock beside. */
export function courseDateFor(reader: Reader, date: Date, courseZone: string): string {
  return formatCalendarDateWithZones(date, courseZone, reader.timeZone, reader.locale);
}
